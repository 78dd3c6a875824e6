import "server-only";
import { and, desc, eq, isNotNull, notInArray } from "drizzle-orm";
import { db } from "@/db";
import { insightEvidence, sessions, surveyResponses } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** Survey comments not yet used as evidence: the facilitator's triage list (anonymous). */
export async function listUntriagedComments(actor: Actor, limit = 50) {
  assertCan(actor, "insight.create");
  const used = db
    .select({ id: insightEvidence.responseId })
    .from(insightEvidence)
    .where(isNotNull(insightEvidence.responseId));
  return db
    .select({
      id: surveyResponses.id,
      comment: surveyResponses.comment,
      csat: surveyResponses.csat,
      nps: surveyResponses.nps,
      language: surveyResponses.language,
      createdAt: surveyResponses.createdAt,
      sessionTitle: sessions.title,
    })
    .from(surveyResponses)
    .innerJoin(sessions, eq(sessions.id, surveyResponses.sessionId))
    .where(and(isNotNull(surveyResponses.comment), notInArray(surveyResponses.id, used)))
    .orderBy(desc(surveyResponses.createdAt))
    .limit(limit);
}
