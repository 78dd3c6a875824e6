import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { surveyResponses, surveys } from "@/db/schema";
import type { SurveyAnswers, SurveyQuestion } from "@/lib/domain/surveys";
import type { Locale } from "@/lib/i18n/config";
import { checkAnswers } from "@/lib/survey-logic";
import { type SurveyAnswerInput, zSurveyAnswer } from "@/lib/validation/surveys";
import { recordResponsesInRollups } from "@/server/analytics/rollups/record-response";
import type { RespondentActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { type DomainError, invalid, notFound, rateLimited } from "@/server/errors";
import { groupCommit } from "@/server/group-commit";
import { countAttempts } from "@/server/security/rate-limit";
import { questionsOfVersion } from "./template-versions";

type Call = { surveyId: string; answers: Record<string, unknown>; final: boolean; locale: Locale };
type Outcome = { created: boolean } | { error: DomainError };

/**
 * Saves answers: a partial save (`final` false) keeps them on the survey as they are given; the
 * final one stores the response. The response table is unique per survey, so a second submit
 * (double click, retry, twenty at once) keeps the first answer and reports success. Concurrent
 * calls are committed together (group commit), each answered once its batch is durable.
 */
export async function submitSurveyResponse(actor: RespondentActor, raw: SurveyAnswerInput, locale: Locale) {
  if (!can(actor, "survey.respond", { surveyId: actor.surveyId })) throw notFound();
  const input = zSurveyAnswer.parse(raw);
  const outcome = await commit({
    surveyId: actor.surveyId,
    answers: input.answers,
    final: input.final,
    locale,
  });
  if ("error" in outcome) throw outcome.error;
  return outcome;
}

/**
 * One limit per survey link: the page saves each answer as it is given (text after a pause), so a
 * long survey with second thoughts stays well under 240 calls in 10 minutes, and a link answers
 * once. It is counted in the batch's own transaction (one upsert for the whole batch, committed
 * with the answers), not by the entry kit in a write of its own (decision 019). No per-address
 * limit: many customers share an address (offices, mobile carriers), and guessing links is
 * limited where links are opened (/s/:token).
 */
export const SURVEY_LINK_LIMIT = { max: 240, windowSeconds: 600 } as const;

const commit = groupCommit<Call, Outcome>((calls) => db.transaction((tx) => saveBatch(tx, calls)));

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

async function saveBatch(tx: Tx, calls: Call[]): Promise<Outcome[]> {
  const limits = await countAttempts(
    tx,
    calls.map((c) => ({
      key: `survey:${c.surveyId}`,
      limit: SURVEY_LINK_LIMIT.max,
      windowSeconds: SURVEY_LINK_LIMIT.windowSeconds,
    })),
  );
  const ids = [...new Set(calls.map((c) => c.surveyId))];
  const rows = await tx
    .select({
      id: surveys.id,
      versionId: surveys.templateVersionId,
      draft: surveys.draft,
      sessionId: surveys.sessionId,
      responseId: surveyResponses.id,
    })
    .from(surveys)
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(inArray(surveys.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const drafts = new Map<string, SurveyAnswers>();
  const answered = new Set(rows.filter((r) => r.responseId).map((r) => r.id));
  const inserts: (typeof surveyResponses.$inferInsert)[] = [];
  const outcomes: Outcome[] = [];
  for (const [i, call] of calls.entries()) {
    const limit = limits[i];
    if (!limit?.allowed) {
      outcomes.push({ error: rateLimited(limit?.retryAfterSeconds) });
      continue;
    }
    const row = byId.get(call.surveyId);
    if (!row) {
      outcomes.push({ error: notFound() });
      continue;
    }
    // Answered already (now or earlier in this batch): the first answer stands.
    if (answered.has(row.id)) {
      outcomes.push({ created: false });
      continue;
    }
    const questions = await questionsOfVersion(tx, row.versionId);
    const merged = { ...(drafts.get(row.id) ?? row.draft ?? {}), ...call.answers };
    const { answers, errors } = checkAnswers(questions, merged, call.final);
    if (Object.keys(errors).length) {
      const fields = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]]));
      outcomes.push({ error: invalid("Please check the highlighted answers.", fields) });
      continue;
    }
    if (!call.final) {
      drafts.set(row.id, answers);
      outcomes.push({ created: false });
      continue;
    }
    answered.add(row.id);
    drafts.delete(row.id);
    inserts.push(responseRow(row, questions, answers, call.locale));
    outcomes.push({ created: true });
  }
  if (inserts.length) {
    const stored = await tx
      .insert(surveyResponses)
      .values(inserts)
      .onConflictDoNothing({ target: surveyResponses.surveyId })
      .returning({ surveyId: surveyResponses.surveyId });
    // The dashboard's rollups move in the same transaction as the answers, so they never drift;
    // the whole batch's counts are summed and written at once.
    const storedIds = new Set(stored.map((r) => r.surveyId));
    await recordResponsesInRollups(
      tx,
      inserts
        .filter((row) => storedIds.has(row.surveyId))
        .map((row) => ({
          surveyId: row.surveyId,
          language: row.language,
          csat: row.csat ?? null,
          nps: row.nps ?? null,
          ces: row.ces ?? null,
        })),
    );
    // A row another process stored first: that answer stands, this call did not create one.
    if (stored.length < inserts.length) {
      const created = new Set(stored.map((s) => s.surveyId));
      calls.forEach((c, i) => {
        const o = outcomes[i];
        if (o && "created" in o && o.created && c.final && !created.has(c.surveyId))
          outcomes[i] = { created: false };
      });
    }
  }
  if (drafts.size) {
    // One statement for every partial save in the batch.
    const cases = sql.join(
      [...drafts].map(([id, answers]) => sql`WHEN ${id} THEN ${JSON.stringify(answers)}`),
      sql` `,
    );
    await tx
      .update(surveys)
      .set({ draft: sql`CASE ${surveys.id} ${cases} END`, draftSavedAt: new Date() })
      .where(inArray(surveys.id, [...drafts.keys()]));
  }
  return outcomes;
}

/** The response row: every answer, the headline scores copied out, the free text joined. */
function responseRow(
  row: { id: string; versionId: string | null; sessionId: string },
  questions: SurveyQuestion[],
  answers: SurveyAnswers,
  locale: Locale,
): typeof surveyResponses.$inferInsert {
  const first = (type: SurveyQuestion["type"]) => {
    const q = questions.find((x) => x.type === type && typeof answers[x.id] === "number");
    return q ? (answers[q.id] as number) : null;
  };
  const texts: Record<string, string> = {};
  const rest: SurveyAnswers = {};
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    if (q.type === "text") {
      if (typeof v === "string" && v.trim()) texts[q.id] = v.trim();
    } else rest[q.id] = v;
  }
  const comment = Object.values(texts).join("\n\n");
  return {
    surveyId: row.id,
    sessionId: row.sessionId,
    templateVersionId: row.versionId,
    csat: first("csat"),
    nps: first("nps"),
    ces: first("ces"),
    answers: rest,
    texts,
    comment: comment || null,
    language: locale,
  };
}
