import "server-only";
import type { Tx } from "@/db";
import type { Session } from "@/db/schema";
import { enqueueJob } from "@/server/jobs/queue";

export const AUTO_END_JOB = "sessions.auto_end";

/**
 * How long after its scheduled end an open session waits before it may end without the
 * facilitator. Rooms empty for a moment all the time (a dropped train connection, a reload, the
 * facilitator swapping laptops), so an empty room alone never ends a session; only the facilitator's
 * End button does, or this much time past the planned end with nobody left in any of its rooms.
 */
export const AUTO_END_GRACE_MS = 30 * 60_000;
/** A session still occupied at its grace deadline is looked at again this often. */
export const AUTO_END_RECHECK_MS = 10 * 60_000;

export const autoEndAt = (session: Pick<Session, "startsAt" | "durationMinutes">) =>
  new Date(session.startsAt.getTime() + session.durationMinutes * 60_000 + AUTO_END_GRACE_MS);

/** Queues the grace-deadline check for a session that went live (once per planned start, by key). */
export async function scheduleAutoEnd(
  tx: Tx,
  session: Pick<Session, "id" | "startsAt" | "durationMinutes">,
): Promise<void> {
  const runAt = autoEndAt(session);
  await enqueueJob(tx, {
    kind: AUTO_END_JOB,
    payload: { sessionId: session.id },
    dedupeKey: `${AUTO_END_JOB}:${session.id}:${runAt.getTime()}`,
    runAt,
  });
}
