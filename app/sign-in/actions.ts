"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/server/auth/config";

const zEmail = z.object({ email: z.email().max(320) });

export async function emailSignIn(form: FormData) {
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
