import "server-only";
import type { Tx } from "@/db";
import type { Session } from "@/db/schema";
import type { ReminderKind } from "@/lib/domain/invitations";
import { enqueueJob } from "@/server/jobs/queue";

export const REMINDER_LEAD_MS: Record<ReminderKind, number> = {
  day_before: 24 * 3600_000,
  hour_before: 3600_000,
};

export const REMINDER_JOB = "reminders.send";

/**
 * Queues the session's two reminder jobs for its current schedule, inside the caller's
 * transaction. Keyed by the calendar sequence: asking again for the same schedule is a no-op, and
 * each reschedule queues a fresh pair (the old pair finds the time changed and sends nothing).
 */
export async function scheduleReminders(
  tx: Tx,
  session: Pick<Session, "id" | "startsAt" | "calendarSequence">,
): Promise<void> {
  for (const [reminder, lead] of Object.entries(REMINDER_LEAD_MS) as [ReminderKind, number][]) {
    await enqueueJob(tx, {
      kind: REMINDER_JOB,
      payload: { sessionId: session.id, reminder, startsAt: session.startsAt.getTime() },
      dedupeKey: `${REMINDER_JOB}:${session.id}:${reminder}:${session.calendarSequence}`,
      runAt: new Date(session.startsAt.getTime() - lead),
    });
  }
}
