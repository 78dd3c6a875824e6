"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { clientKey } from "@/app/_lib/client-key";
import { emailSignInEnabled, signIn } from "@/server/auth/config";
import { consumeRateLimit } from "@/server/security/rate-limit";

const zEmail = z.object({ email: z.email().max(320) });

export async function emailSignIn(form: FormData) {
  if (!emailSignInEnabled) redirect("/sign-in");
  // Per client as well as per address (config.ts): one client cycling through addresses is held
  // too. The limiter stores a hash of the key, never the address itself.
  const client = await consumeRateLimit(`signin-client:${clientKey(await headers())}`, 20, 15 * 60);
  if (!client.allowed) redirect("/sign-in?error=busy");
  const parsed = zEmail.safeParse({
    email: String(form.get("email") ?? "")
      .trim()
      .toLowerCase(),
  });
  if (!parsed.success) redirect("/sign-in?error=email");
  // Auth.js would send the browser through its own verify-request route; go straight to our page.
  await signIn("email", { email: parsed.data.email, redirectTo: "/", redirect: false });
  redirect("/sign-in/check-email");
}

export async function oidcSignIn() {
  await signIn("oidc", { redirectTo: "/" });
}

export async function demoSignIn(form: FormData) {
  const parsed = zEmail.safeParse({ email: form.get("email") });
  if (!parsed.success) redirect("/sign-in?error=demo");
  try {
    await signIn("demo", { email: parsed.data.email, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?error=demo");
    throw error;
  }
}
