import "server-only";
import { entry } from "@/app/_lib/entry/define-entry";
import { requestLocale } from "@/app/_lib/request-locale";
import { zSurveyAnswer } from "@/lib/validation/surveys";
import { submitSurveyResponse } from "@/server/surveys/submit-response";

/**
 * The survey answer, one path for the form (actions.ts) and the JSON route (/api/survey-response).
 * One limit, per survey link: a link answers once, so 20 tries in 10 minutes is ample. No
 * per-address limit: many customers share an address (offices, mobile carriers), and guessing
 * links is limited where links are opened (/s/:token).
 */
export const submitSurvey = entry({
  actor: "respondent",
  input: zSurveyAnswer,
  limit: (actor) => [{ key: `survey:${actor.surveyId}`, max: 20, windowSeconds: 600 }],
  run: async ({ actor, input }) => submitSurveyResponse(actor, input, await requestLocale()),
});
