import "server-only";
import { db } from "@/db";
import { surveyResponses } from "@/db/schema";
import type { Locale } from "@/lib/i18n/config";
import { type SurveyAnswerInput, zSurveyAnswer } from "@/lib/validation/surveys";
import { recordResponseInRollups } from "@/server/analytics/rollups/record-response";
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
  const values = {
    surveyId: actor.surveyId,
    sessionId: actor.sessionId,
    csat: input.csat,
    nps: input.nps,
    comment: input.comment.trim() || null,
    language: locale,
  };
  // The dashboard's rollups move in the same transaction as the answer, so they never drift.
  const inserted = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(surveyResponses)
      .values(values)
      .onConflictDoNothing({ target: surveyResponses.surveyId })
      .returning({ id: surveyResponses.id });
    if (rows.length === 1) await recordResponseInRollups(tx, values);
    return rows;
  });
  return { created: inserted.length === 1 };
}
