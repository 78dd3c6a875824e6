import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { sessionSurveySettings, sessions } from "@/db/schema";
import { env } from "@/env";
import { zSessionId } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/queue";
import { closeRoom } from "@/server/rooms/room-service";
import { announceRoundClock, ensureSeating, sessionRoomNames } from "@/server/rooms/speed-dating";
import { scheduleNoShows } from "./mark-no-shows";
import { scheduleAutoEnd } from "./schedule-auto-end";

/** Announces a draft: from now on customers can be invited. */
export async function scheduleDraft(actor: Actor, input: { sessionId: string }): Promise<void> {
  const { sessionId } = zSessionId.parse(input);
  await authorizeSession(actor, sessionId, "session.manage");
  const done = await db
    .update(sessions)
    .set({ status: "scheduled" })
    .where(and(eq(sessions.id, sessionId), eq(sessions.status, "draft")))
    .returning({ id: sessions.id });
  if (!done.length) throw conflict("Only a draft can be scheduled");
  await audit(db, actor, "schedule", "session", sessionId);
}

/** Marks a scheduled session live (the facilitator opens the room). */
export async function startSession(actor: Actor, input: { sessionId: string }): Promise<void> {
  const { sessionId } = zSessionId.parse(input);
  const { session } = await authorizeSession(actor, sessionId, "session.manage");
  await db.transaction(async (tx) => {
    const done = await tx
      .update(sessions)
      .set({ status: "live", startedAt: new Date() })
      .where(and(eq(sessions.id, sessionId), eq(sessions.status, "scheduled")))
      .returning({ id: sessions.id });
    if (!done.length) throw conflict("Only a scheduled session can be started");
    // Speed dating: customers are seated (and stay) and the staff rotation is fixed at the start.
    await ensureSeating(tx, session);
    await scheduleAutoEnd(tx, session);
    await audit(tx, actor, "start", "session", sessionId);
  });
  // Written first, then told: pages already at a table would otherwise keep "waiting" for round 1.
  await announceRoundClock(session);
}

/**
 * Ends a session: status ended, survey dispatch queued in the same transaction (once, by key),
 * then the LiveKit room is closed so nobody stays connected.
 */
export async function endSession(actor: Actor, input: { sessionId: string }): Promise<void> {
  const { sessionId } = zSessionId.parse(input);
  const { session } = await authorizeSession(actor, sessionId, "session.manage");
  await db.transaction(async (tx) => {
    if (!(await markSessionEnded(tx, sessionId)))
      throw conflict("This session has already ended or was cancelled");
    await audit(tx, actor, "end", "session", sessionId);
  });
  for (const name of sessionRoomNames(session)) await closeRoom(name);
}

/**
 * Status ended and the survey dispatch queued (once, by key), inside the caller's transaction.
 * Returns false when the session was not open, so a second close (webhook or button) does nothing.
 */
export async function markSessionEnded(tx: Tx, sessionId: string): Promise<boolean> {
  const done = await tx
    .update(sessions)
    .set({ status: "ended", endedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), inArray(sessions.status, ["scheduled", "live"])))
    .returning({ id: sessions.id });
  if (!done.length) return false;
  // The session's own delay (its survey settings), else the deployment's default.
  const own = await tx.query.sessionSurveySettings.findFirst({
    where: eq(sessionSurveySettings.sessionId, sessionId),
  });
  const delayMs = (own?.delayMinutes ?? env.SURVEY_DELAY_MINUTES) * 60_000;
  await enqueueJob(tx, {
    kind: "surveys.dispatch",
    payload: { sessionId },
    dedupeKey: `surveys.dispatch:${sessionId}`,
    runAt: new Date(Date.now() + delayMs),
  });
  await scheduleNoShows(tx, sessionId, new Date(), delayMs);
  return true;
}
