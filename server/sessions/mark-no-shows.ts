import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { db } from "@/db";
import { invitations, sessions } from "@/db/schema";
import { audit } from "@/server/audit/log";
import { anonymous } from "@/server/auth/actor";
import { enqueueJob } from "@/server/jobs/queue";

export const NO_SHOW_JOB = "sessions.mark_no_shows";
/**
 * Attendance is `attended` on the invitation (set by the room once that is wired); the job waits
 * this long after the end so late attendance reports and the survey dispatch come first.
 */
export const NO_SHOW_GRACE_MS = 60 * 60_000;

/** Queues the no-show pass for an ended session, once (by key), in the caller's transaction. */
export async function scheduleNoShows(tx: Tx, sessionId: string, endedAt: Date, extraDelayMs = 0) {
  await enqueueJob(tx, {
    kind: NO_SHOW_JOB,
    payload: { sessionId },
    dedupeKey: `${NO_SHOW_JOB}:${sessionId}`,
    runAt: new Date(endedAt.getTime() + extraDelayMs + NO_SHOW_GRACE_MS),
  });
}

/**
 * Job: after an ended session, every customer still merely `accepted` (never marked attended) is
 * recorded as a no-show. Only accepted rows change, so running it again changes nothing, and a
 * facilitator's later correction is never overwritten.
 */
export async function markNoShows(sessionId: string): Promise<{ marked: number }> {
  return db.transaction(async (tx) => {
    const session = await tx.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    if (session?.status !== "ended") return { marked: 0 };
    const rows = await tx
      .update(invitations)
      .set({ status: "no_show" })
      .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, "accepted")))
      .returning({ id: invitations.id });
    for (const r of rows) await audit(tx, anonymous, "mark_no_show", "invitation", r.id);
    return { marked: rows.length };
  });
}
