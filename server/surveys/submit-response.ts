import "server-only";
import { db } from "@/db";
import { surveyResponses } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { type SurveyAnswerInput, zSurveyAnswer } from "@/lib/validation/surveys";
import type { RespondentActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

/**
 * Saves the answer. The response table is unique per survey, so a second submit (double click,
 * retry after a timeout) keeps the first answer and reports success: nothing is lost or doubled.
 */
export async function submitSurveyResponse(actor: RespondentActor, raw: SurveyAnswerInput, locale: Locale) {
  if (!can(actor, "survey.respond", { surveyId: actor.surveyId })) throw notFound();
  const input = zSurveyAnswer.parse(raw);
  const inserted = await db
    .insert(surveyResponses)
    .values({
      surveyId: actor.surveyId,
      sessionId: actor.sessionId,
      csat: input.csat,
      nps: input.nps,
      comment: input.comment.trim() || null,
      language: locale,
    })
    .onConflictDoNothing({ target: surveyResponses.surveyId })
    .returning({ id: surveyResponses.id });
  return { created: inserted.length === 1 };
}
