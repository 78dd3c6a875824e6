import "server-only";
import { and, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db";
import { type Job, jobs } from "@/db/schema";
import { type Backoff, backoffDelay, safeErrorText } from "./retry";

/** Anything that can insert and read: the app's `db` or the `tx` of a drizzle transaction. */

const jobInput = z.object({
  kind: z.string().min(1).max(64),
  payload: z.record(z.string(), z.unknown()),
  runAt: z.date().optional(),
  dedupeKey: z.string().min(1).max(200).optional(),
  maxAttempts: z.number().int().min(1).max(100).optional(),
});

export type JobInput = z.input<typeof jobInput>;

export const JOB_DEFAULTS = {
  leaseMs: 5 * 60_000,
  backoff: { baseMs: 15_000, maxMs: 60 * 60_000 },
} as const;

/**
 * Queues a job inside the caller's transaction. With a `dedupeKey` it is queued at most once,
 * ever: a second call returns the first job's id with `created: false`.
 */
export async function enqueueJob(tx: Tx, input: JobInput): Promise<{ id: string; created: boolean }> {
  const job = jobInput.parse(input);
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload,
      dedupeKey: job.dedupeKey ?? null,
      ...(job.runAt ? { runAt: job.runAt } : {}),
      ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.dedupeKey, job.dedupeKey ?? ""));
  if (!existing) throw new Error("job insert was ignored but no job holds its dedupe key");
  return { id: existing.id, created: false };
}

/**
 * Leases up to `limit` due jobs to `workerId`. One UPDATE … WHERE id IN (due) … RETURNING runs
 * atomically under SQLite's write lock, so concurrent runners never lease the same job.
 */
export async function claimJobs(
  db: Db,
  { workerId, now = new Date(), limit = 10, leaseMs = JOB_DEFAULTS.leaseMs }: ClaimOptions,
): Promise<Job[]> {
  const due = and(
    eq(jobs.status, "pending"),
    lte(jobs.runAt, now),
    or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now)),
    lt(jobs.attempts, jobs.maxAttempts),
  );
  const ids = db.select({ id: jobs.id }).from(jobs).where(due).orderBy(jobs.runAt).limit(limit);
  return db
    .update(jobs)
    .set({
      leaseUntil: new Date(now.getTime() + leaseMs),
      leasedBy: workerId,
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(and(inArray(jobs.id, ids), due))
    .returning();
}

export type ClaimOptions = { workerId: string; now?: Date; limit?: number; leaseMs?: number };

// Every write after a claim is fenced by the lease it was given: a runner whose lease expired
// (and whose job another runner took) changes nothing.
const leaseHeld = (job: Job) =>
  and(
    eq(jobs.id, job.id),
    eq(jobs.status, "pending"),
    eq(jobs.leasedBy, job.leasedBy ?? ""),
    eq(jobs.leaseUntil, job.leaseUntil ?? new Date(0)),
  );

/** Marks a leased job done; false if the lease was lost meanwhile. */
export async function completeJob(db: Db, job: Job, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: "done", finishedAt: now, leaseUntil: null, lastError: null })
    .where(leaseHeld(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Records a failed run: retried after an exponential backoff, or dead once `maxAttempts` runs
 * have failed. Returns the new state, or null if the lease was lost meanwhile.
 */
export async function failJob(
  db: Db,
  job: Job,
  error: unknown,
  { now = new Date(), backoff = JOB_DEFAULTS.backoff }: { now?: Date; backoff?: Backoff } = {},
): Promise<"retry" | "dead" | null> {
  const lastError = safeErrorText(error);
  const dead = job.attempts >= job.maxAttempts;
  const rows = await db
    .update(jobs)
    .set(
      dead
        ? { status: "dead", finishedAt: now, leaseUntil: null, lastError }
        : {
            runAt: new Date(now.getTime() + backoffDelay(job.attempts, backoff)),
            leaseUntil: null,
            lastError,
          },
    )
    .where(leaseHeld(job))
    .returning({ id: jobs.id });
  if (!rows.length) return null;
  return dead ? "dead" : "retry";
}

/** Jobs out of attempts whose last lease expired (their runner died each time): dead-letter them. */
export async function buryAbandonedJobs(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: "dead",
      finishedAt: now,
      leaseUntil: null,
      lastError: "abandoned: no runner finished within its lease",
    })
    .where(
      and(
        eq(jobs.status, "pending"),
        gte(jobs.attempts, jobs.maxAttempts),
        or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, now)),
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}
