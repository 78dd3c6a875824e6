import { type NextRequest, NextResponse } from "next/server";
import { clientKey } from "@/app/_lib/client-key";
import { env } from "@/env";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { INVITE_COOKIE, linkCookieOptions } from "@/server/auth/invitee";
import { resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { consumeRateLimit } from "@/server/security/rate-limit";

// GET /i/:token — exchanges a personal invitation link for an HttpOnly cookie and moves the
// token out of the address bar. Opening the link changes nothing else (mail scanners open links).
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const allowed = await consumeRateLimit(`link:${clientKey(request.headers)}`, 60, 60);
  const row = allowed ? await resolveInvitationToken(token) : null;
  const to = new URL(row ? "/invite" : "/link-invalid", env.APP_URL);
  const response = NextResponse.redirect(to, 303);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  if (row) {
    response.cookies.set(INVITE_COOKIE, token, linkCookieOptions);
    response.cookies.set(LOCALE_COOKIE, row.customer.language, { ...linkCookieOptions, httpOnly: false });
  }
  return response;
}
