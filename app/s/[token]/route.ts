import { linkExchange } from "@/app/_lib/personal-link";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { linkCookieOptions } from "@/server/auth/invitee";
import { resolveSurveyToken, SURVEY_COOKIE } from "@/server/surveys/resolve-survey";

// GET /s/:token — exchanges a survey link for an HttpOnly cookie and moves the token out of the
// address bar.
export const GET = linkExchange({
  label: "survey-link",
  resolve: resolveSurveyToken,
  to: "/survey",
  setCookies: (response, found, token) => {
    response.cookies.set(SURVEY_COOKIE, token, linkCookieOptions);
    if (isLocale(found.language))
      response.cookies.set(LOCALE_COOKIE, found.language, { ...linkCookieOptions, httpOnly: false });
  },
});
