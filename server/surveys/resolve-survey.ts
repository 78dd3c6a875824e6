import "server-only";
import { eq, inArray, or } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/db";
import { customers, invitations, sessions, surveyResponses, surveys } from "@/db/schema";
import type { RespondentActor } from "@/server/auth/actor";
import { batchedLoader } from "@/server/group-commit";
import { hashToken } from "@/server/security/tokens";

export const SURVEY_COOKIE = "im_srv";

type Found = {
  surveyId: string;
  sessionId: string;
  tokenHash: string;
  reminderTokenHash: string | null;
  expires: Date;
  title: string;
  language: string | null;
  responseId: string | null;
};

// Link lookups that arrive together (many customers submitting at once) are one query.
const lookUp = batchedLoader<string, Found>(async (hashes) => {
  const rows = await db
    .select({
      surveyId: surveys.id,
      sessionId: surveys.sessionId,
      tokenHash: surveys.tokenHash,
      reminderTokenHash: surveys.reminderTokenHash,
      expires: surveys.tokenExpiresAt,
      title: sessions.title,
      language: customers.language,
      responseId: surveyResponses.id,
    })
    .from(surveys)
    .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
    .leftJoin(invitations, eq(invitations.id, surveys.invitationId))
    .leftJoin(customers, eq(customers.id, invitations.customerId))
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(or(inArray(surveys.tokenHash, hashes), inArray(surveys.reminderTokenHash, hashes)));
  const found = new Map<string, Found>();
  for (const r of rows) {
    found.set(r.tokenHash, r);
    if (r.reminderTokenHash) found.set(r.reminderTokenHash, r);
  }
  return found;
});

/** A survey link token (the first mail's or the reminder's) → the survey, if still good. Changes nothing. */
export async function resolveSurveyToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await lookUp(hashToken(token));
  if (!row || row.expires.getTime() < Date.now()) return null;
  const actor: RespondentActor = { kind: "respondent", surveyId: row.surveyId, sessionId: row.sessionId };
  return { actor, title: row.title, language: row.language ?? "en", answered: row.responseId !== null };
}

/** The respondent behind the survey cookie, or null. */
export const currentRespondent = cache(async () => {
  const token = (await cookies()).get(SURVEY_COOKIE)?.value;
  return token ? resolveSurveyToken(token) : null;
});
