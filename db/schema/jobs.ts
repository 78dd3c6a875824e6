import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, instant } from "./columns";

export const JOB_STATUSES = ["pending", "done", "dead"] as const;

/** Background work with leases: a runner owns a job until its lease ends, so copies never collide. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** Makes enqueueing idempotent: the same key is only ever queued once. */
    dedupeKey: text("dedupe_key"),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("pending"),
    runAt: instant("run_at")
      .notNull()
      .$defaultFn(() => new Date()),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    leaseUntil: instant("lease_until"),
    leasedBy: text("leased_by"),
    lastError: text("last_error"),
    finishedAt: instant("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAt), uniqueIndex("jobs_dedupe_uq").on(t.dedupeKey)],
);

/** Heartbeats of running workers, read by the health endpoint. */
export const workerHeartbeats = sqliteTable("worker_heartbeats", {
  workerId: text("worker_id").primaryKey(),
  seenAt: instant("seen_at").notNull(),
});

export type Job = typeof jobs.$inferSelect;
