import "server-only";
import { hostname } from "node:os";
import type { Db } from "@/db";
import { log } from "@/server/log/logger";
import {
  createTransport,
  type DeliverResult,
  deliverDueEmails,
  type MailTransport,
} from "@/server/notify/sender";
import { type RunJobsResult, runDueJobs } from "./run-due-jobs";
import { createScheduler, type Scheduler } from "./scheduler";
import { writeHeartbeat } from "./worker-health";

const workerLog = log.child({ component: "worker" });
const JOBS_PER_TICK = 10;
const EMAILS_PER_TICK = 50;

export type WorkerTickResult = {
  scheduled: string[] | null;
  jobs: RunJobsResult | null;
  emails: DeliverResult | null;
};

export type WorkerTickOptions = {
  db: Db;
  workerId: string;
  transport?: MailTransport;
  /** Queues recurring work before the due jobs are run, so a slot that just came due runs now. */
  scheduler?: Scheduler;
  now?: Date;
  /** Bounds one tick, so a backlog never starves the heartbeat or stop(). */
  jobLimit?: number;
  emailLimit?: number;
};

/** One worker tick: heartbeat, recurring slots, due jobs, due emails. Each step's failure is logged, never thrown. */
export async function runWorkerOnce(options: WorkerTickOptions): Promise<WorkerTickResult> {
  const { db, workerId, now } = options;
  await step(workerId, "heartbeat", () => writeHeartbeat(db, workerId, now));
  const scheduled = options.scheduler
    ? await step(workerId, "scheduler", () => options.scheduler?.tick(now) ?? Promise.resolve([]))
    : null;
  const jobs = await step(workerId, "jobs", () =>
    runDueJobs({ db, workerId, now, limit: options.jobLimit ?? JOBS_PER_TICK }),
  );
  const emails = await step(workerId, "emails", () =>
    deliverDueEmails({
      db,
      workerId,
      now,
      transport: options.transport,
      limit: options.emailLimit ?? EMAILS_PER_TICK,
    }),
  );
  return { scheduled, jobs, emails };
}

async function step<T>(workerId: string, name: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    // The database may be busy or briefly unreachable; the next tick tries again.
    workerLog.error({ workerId, step: name, err: error }, "worker step failed");
    return null;
  }
}

/** A worker id that tells processes apart in heartbeats and leases. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Starts the worker loop: a tick every `pollMs` (sooner while a backlog remains). It keeps the
 * process alive until `stop()`, which ends the loop once the in-flight tick has finished.
 */
export function startWorker(options: {
  db: Db;
  workerId?: string;
  pollMs?: number;
  transport?: MailTransport;
}): { workerId: string; stop(): Promise<void> } {
  const workerId = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 1000;
  // One transport for the loop's lifetime; a caller-provided one is the caller's to close.
  const own = options.transport ? null : createTransport();
  const transport = options.transport ?? (own as MailTransport);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  // Every worker runs a scheduler: the job queue's dedupe keys make their slots one job each.
  const scheduler = createScheduler({ db: options.db });

  const tick = async () => {
    timer = null;
    let busy = false;
    try {
      const r = await runWorkerOnce({ db: options.db, workerId, transport, scheduler });
      // A full batch means more is probably waiting: come back at once instead of after pollMs.
      busy = (r.jobs?.claimed ?? 0) >= JOBS_PER_TICK || (r.emails?.claimed ?? 0) >= EMAILS_PER_TICK;
    } catch (error) {
      workerLog.error({ workerId, err: error }, "worker tick failed");
    }
    if (!stopped) schedule(busy ? 10 : pollMs);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      inFlight = tick();
    }, ms);
  };

  schedule(0);
  workerLog.info({ workerId, pollMs }, "worker started");
  return {
    workerId,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
      own?.close();
      workerLog.info({ workerId }, "worker stopped");
    },
  };
}
