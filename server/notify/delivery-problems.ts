import "server-only";
import { and, desc, eq, isNotNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { jobs, outbox } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { workerHealth } from "@/server/jobs/worker-health";
import { type OutboxStatus, outboxStatus } from "./outbox-status";

/** A job or email still waiting this long after it was due is stuck (no worker, or it keeps failing). */
export const STUCK_AFTER_MS = 15 * 60_000;

export type JobProblem = {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  /** When it was due (stuck) or gave up (dead). */
  at: Date;
};

export type DeliveryProblems = {
  outbox: OutboxStatus;
  /** Emails still pending long after they were due. */
  stuckMails: number;
  deadJobs: JobProblem[];
  stuckJobs: JobProblem[];
  worker: { ok: boolean; lastSeenAt: Date | null };
};

/**
 * What did not get delivered or done, for admins in production (the demo mailbox shows only the
 * development catcher): dead letters, stuck mail, dead and stuck jobs, worker health. Ids, kinds
 * and errors only — never an address, a body or a job's payload.
 */
export async function deliveryProblems(
  actor: Actor,
  now = new Date(),
  limit = 20,
): Promise<DeliveryProblems> {
  if (!can(actor, "delivery.read")) throw notFound();
  const overdue = new Date(now.getTime() - STUCK_AFTER_MS);
  const jobColumns = { id: jobs.id, kind: jobs.kind, attempts: jobs.attempts, lastError: jobs.lastError };
  const [status, stuckMails, deadJobs, stuckJobs, worker] = await Promise.all([
    outboxStatus(db, limit),
    db.$count(outbox, and(eq(outbox.status, "pending"), lt(outbox.nextAttemptAt, overdue))),
    db
      .select({ ...jobColumns, at: jobs.finishedAt })
      .from(jobs)
      .where(eq(jobs.status, "dead"))
      .orderBy(desc(jobs.finishedAt))
      .limit(limit),
    db
      .select({ ...jobColumns, at: jobs.runAt })
      .from(jobs)
      .where(
        and(
          eq(jobs.status, "pending"),
          // Due long ago and not running, or held by a lease that ran out (its runner died).
          or(lt(jobs.runAt, overdue), and(isNotNull(jobs.leaseUntil), lt(jobs.leaseUntil, overdue))),
        ),
      )
      .orderBy(jobs.runAt)
      .limit(limit),
    workerHealth(db, now),
  ]);
  return {
    outbox: status,
    stuckMails,
    deadJobs: deadJobs.map((j) => ({ ...j, at: j.at ?? now })),
    stuckJobs,
    worker,
  };
}
