import "server-only";
import { log } from "@/server/log/logger";

const jobsLog = log.child({ component: "jobs" });

import type { Db } from "@/db";
import { buryAbandonedJobs, claimJobs, completeJob, failJob } from "./queue";
import { getJobHandler, UnknownJobKindError } from "./registry";
import type { Backoff } from "./retry";

export type RunJobsResult = { claimed: number; done: number; retried: number; dead: number; lost: number };

/**
 * Leases due jobs and runs each through its registered handler, one after another. A handler
 * that throws (or a kind without a handler) fails the job: retried with backoff, then dead.
 */
export async function runDueJobs({
  db,
  workerId,
  now,
  limit = 10,
  leaseMs,
  backoff,
}: {
  db: Db;
  workerId: string;
  now?: Date;
  limit?: number;
  leaseMs?: number;
  backoff?: Backoff;
}): Promise<RunJobsResult> {
  const result: RunJobsResult = { claimed: 0, done: 0, retried: 0, dead: 0, lost: 0 };
  result.dead += await buryAbandonedJobs(db, now);
  const claimed = await claimJobs(db, { workerId, now, limit, leaseMs });
  result.claimed = claimed.length;
  for (const job of claimed) {
    const handler = getJobHandler(job.kind);
    try {
      if (!handler) throw new UnknownJobKindError(job.kind);
      await handler(job.payload, { db, jobId: job.id, attempt: job.attempts, workerId });
    } catch (error) {
      const state = await failJob(db, job, error, { now, backoff });
      if (state === "dead") result.dead++;
      else if (state === "retry") result.retried++;
      else result.lost++;
      jobsLog.warn(
        { workerId, jobId: job.id, kind: job.kind, attempt: job.attempts, outcome: state ?? "lease lost" },
        "job failed",
      );
      continue;
    }
    if (await completeJob(db, job, now)) result.done++;
    else {
      result.lost++;
      jobsLog.warn({ workerId, jobId: job.id, kind: job.kind }, "job finished after its lease expired");
    }
  }
  return result;
}
