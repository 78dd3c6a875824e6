import "server-only";
import { Cron } from "croner";
import { and, eq, like, lt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { jobs } from "@/db/schema";
import { enqueueJob } from "./queue";
import { type RecurringTask, recurringTasks } from "./recurring-tasks";

/** The payload every recurring job carries: the instant of its slot. */
export const zSlotPayload = z.object({ at: z.iso.datetime() });

/** The slot's instant of a recurring job's payload: the handler's "now". */
export const slotInstant = (payload: Record<string, unknown>): Date =>
  new Date(zSlotPayload.parse(payload).at);

export const slotDedupeKey = (task: Pick<RecurringTask, "name">, slot: Date) =>
  `cron:${task.name}:${slot.toISOString()}`;

/** The latest slot of `pattern` at or before `now` (UTC), or null if it never fired before. */
export function latestSlot(pattern: string, now: Date): Date | null {
  const cron = new Cron(pattern, { paused: true, timezone: "UTC" });
  // previousRuns is strictly before its reference; one millisecond later makes it "at or before".
  return cron.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}

export type Scheduler = {
  /** Queues the latest due slot of each task not queued yet; returns the dedupe keys it created. */
  tick(now?: Date): Promise<string[]>;
};

/**
 * The scheduler keeps no state that matters: the job queue's unique dedupe key is the lock. Any
 * number of schedulers (one per worker process) may tick the same slot, and a restarted one ticks
 * the latest slot again; the insert of `cron:<task>:<slot>` succeeds once, ever. Only the latest
 * slot is queued, so a worker that was down for a day runs a daily task once, not 1,440 minutely
 * ones. The memory of the last slot only spares the database an insert per task per second.
 */
export function createScheduler({
  db,
  tasks = recurringTasks,
}: {
  db: Db;
  tasks?: () => RecurringTask[];
}): Scheduler {
  const queued = new Map<string, number>();
  return {
    async tick(now = new Date()) {
      const created: string[] = [];
      for (const task of tasks()) {
        const slot = latestSlot(task.pattern, now);
        if (!slot || queued.get(task.name) === slot.getTime()) continue;
        const dedupeKey = slotDedupeKey(task, slot);
        const job = await enqueueJob(db, {
          kind: task.jobKind,
          payload: { at: slot.toISOString() },
          dedupeKey,
          runAt: slot,
          ...(task.maxAttempts ? { maxAttempts: task.maxAttempts } : {}),
        });
        queued.set(task.name, slot.getTime());
        if (job.created) created.push(dedupeKey);
      }
      return created;
    },
  };
}

const KEEP_DONE_SLOTS_MS = 7 * 24 * 3600_000;

/**
 * Deletes finished recurring-slot jobs older than a week (a minutely task adds 1,440 rows a day),
 * except each kind's latest slot: that row is what stops a restarted scheduler from queueing the
 * latest slot of a monthly task again. Only `cron:` rows go; other dedupe keys are "once ever"
 * promises and stay.
 */
export async function pruneFinishedSlots(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_DONE_SLOTS_MS);
  const rows = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.status, "done"),
        like(jobs.dedupeKey, "cron:%"),
        lt(jobs.finishedAt, cutoff),
        // Spelled out: inside the subquery an unqualified column would mean `newer`'s.
        sql`exists (select 1 from jobs newer where newer.kind = "jobs"."kind"
          and newer.dedupe_key like 'cron:%' and newer.run_at > "jobs"."run_at")`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
