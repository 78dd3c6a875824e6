import "server-only";
import { entry } from "@/app/_lib/entry/define-entry";
import { requestLocale } from "@/app/_lib/request-locale";
import { zSurveyAnswer } from "@/lib/validation/surveys";
import { submitSurveyResponse } from "@/server/surveys/submit-response";

/**
 * The survey answers — partial saves as they are given, and the final submit — one path for the
 * page (actions.ts) and the JSON route (/api/survey-response). Its rate limit (per survey link,
 * SURVEY_LINK_LIMIT) is counted in the answers' own group commit, not here: one write per batch
 * instead of one more per call (decision 019).
 */
export const submitSurvey = entry({
  actor: "respondent",
  input: zSurveyAnswer,
  run: async ({ actor, input }) => submitSurveyResponse(actor, input, await requestLocale()),
});
