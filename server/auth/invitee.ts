import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "@/env";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";

export const INVITE_COOKIE = "im_inv";

export const linkCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  secure: env.APP_URL.startsWith("https://"),
  path: "/",
  maxAge: 60 * 60 * 24 * 30,
};

/** The customer behind the invitation cookie (exchanged from the personal link), or null. */
export const currentInvitee = cache(async () => {
  const token = (await cookies()).get(INVITE_COOKIE)?.value;
  const row = token ? await resolveInvitationToken(token) : null;
  return row ? { actor: customerActorOf(row), ...row } : null;
});
