import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import {
  linkOpenLimit,
  linkRedirect,
  readLinkToken,
  toLinkInvalid,
  zLinkToken,
} from "@/app/_lib/personal-link";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { linkCookieOptions } from "@/server/auth/invitee";
import { notFound } from "@/server/errors";
import { resolveSurveyToken, SURVEY_COOKIE } from "@/server/surveys/resolve-survey";

// GET /s/:token — exchanges a survey link for an HttpOnly cookie; changes nothing else.
export const GET = routeHandler(
  entry({
    actor: "none",
    input: zLinkToken,
    limit: linkOpenLimit,
    run: async ({ input }) => {
      const found = await resolveSurveyToken(input.token);
      if (!found) throw notFound();
      return found;
    },
  }),
  {
    label: "survey-link",
    body: "none",
    read: readLinkToken,
    reply: (found, { token }) => {
      const response = linkRedirect("/survey");
      response.cookies.set(SURVEY_COOKIE, token, linkCookieOptions);
      if (isLocale(found.language))
        response.cookies.set(LOCALE_COOKIE, found.language, { ...linkCookieOptions, httpOnly: false });
      return response;
    },
    rescue: toLinkInvalid,
  },
);
