import "server-only";
import { entry } from "@/app/_lib/entry/define-entry";
import { requestLocale } from "@/app/_lib/request-locale";
import { zSurveyAnswer } from "@/lib/validation/surveys";
import { submitSurveyResponse } from "@/server/surveys/submit-response";

/**
 * The survey answers — partial saves as they are given, and the final submit — one path for the
 * page (actions.ts) and the JSON route (/api/survey-response). One limit, per survey link: the
 * page saves each answer as it is given (text after a pause), so a long survey with second
 * thoughts stays well under 240 calls in 10 minutes, and a link answers once. No
 * per-address limit: many customers share an address (offices, mobile carriers), and guessing
 * links is limited where links are opened (/s/:token).
 */
export const submitSurvey = entry({
  actor: "respondent",
  input: zSurveyAnswer,
  limit: (actor) => [{ key: `survey:${actor.surveyId}`, max: 240, windowSeconds: 600 }],
  run: async ({ actor, input }) => submitSurveyResponse(actor, input, await requestLocale()),
});
