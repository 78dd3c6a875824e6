import { type NextRequest, NextResponse } from "next/server";
import { clientKey } from "@/app/_lib/client-key";
import { env } from "@/env";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { linkCookieOptions } from "@/server/auth/invitee";
import { consumeRateLimit } from "@/server/security/rate-limit";
import { resolveSurveyToken, SURVEY_COOKIE } from "@/server/surveys/resolve-survey";

// GET /s/:token — exchanges a survey link for an HttpOnly cookie; changes nothing else.
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const allowed = await consumeRateLimit(`link:${clientKey(request.headers)}`, 60, 60);
  const found = allowed ? await resolveSurveyToken(token) : null;
  const response = NextResponse.redirect(new URL(found ? "/survey" : "/link-invalid", env.APP_URL), 303);
  response.headers.set("Referrer-Policy", "no-referrer");
  response.headers.set("Cache-Control", "no-store");
  if (found) {
    response.cookies.set(SURVEY_COOKIE, token, linkCookieOptions);
    if (isLocale(found.language))
      response.cookies.set(LOCALE_COOKIE, found.language, { ...linkCookieOptions, httpOnly: false });
  }
  return response;
}
