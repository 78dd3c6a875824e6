import "server-only";
import { and, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { actions } from "@/db/schema";
import { EXECUTIVE_ESCALATION_AFTER_MS, REMINDER_LEAD_MS } from "@/lib/domain/action-statuses";
import { enqueueJob } from "@/server/jobs/queue";

export const DEADLINE_SWEEP_JOB = "actions.sweep-deadlines";
export const DEADLINE_NOTICE_JOB = "actions.deadline-notice";

export const NOTICES = ["reminder", "escalated_head", "escalated_executives"] as const;
export type Notice = (typeof NOTICES)[number];

const KEY_PREFIX: Record<Notice, string> = {
  reminder: "reminder",
  escalated_head: "escalate-head",
  escalated_executives: "escalate-executives",
};

/**
 * The notice's dedupe key. It carries the deadline, so moving the deadline earns a fresh reminder
 * (and escalations) while the same deadline is only ever noticed once.
 */
export const noticeKey = (notice: Notice, actionId: string, deadline: Date) =>
  `${KEY_PREFIX[notice]}:${actionId}:${deadline.getTime()}`;

/** When each notice falls due, relative to the deadline. */
export const NOTICE_OFFSET_MS: Record<Notice, number> = {
  reminder: -REMINDER_LEAD_MS,
  escalated_head: 0,
  escalated_executives: EXECUTIVE_ESCALATION_AFTER_MS,
};

/**
 * The recurring sweep (every five minutes): for every action still being worked, queues each
 * notice that has fallen due by `now` as its own job, keyed by noticeKey. Two sweeps (two workers,
 * a restart) queue one job per key; the job writes the timeline entry under the same key, so the
 * mail goes once. Actions whose notice is already queued are skipped in SQL.
 */
export async function sweepDeadlines(db: Db, now: Date): Promise<number> {
  let queued = 0;
  for (const notice of NOTICES) {
    const key = sql`${KEY_PREFIX[notice]} || ':' || ${actions.id} || ':' || ${actions.deadline}`;
    const due = await db
      .select({ id: actions.id, deadline: actions.deadline })
      .from(actions)
      .where(
        and(
          inArray(actions.status, ["open", "in_progress"]),
          lte(actions.deadline, new Date(now.getTime() - NOTICE_OFFSET_MS[notice])),
          sql`not exists (select 1 from jobs where jobs.dedupe_key = ${key})`,
        ),
      );
    for (const a of due) {
      const job = await enqueueJob(db, {
        kind: DEADLINE_NOTICE_JOB,
        payload: { actionId: a.id, notice, deadline: a.deadline.getTime() },
        dedupeKey: noticeKey(notice, a.id, a.deadline),
        runAt: now,
      });
      if (job.created) queued++;
    }
  }
  return queued;
}
