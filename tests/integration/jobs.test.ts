import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type Db, openDb } from "@/db";
import { jobs, outbox, workerHeartbeats } from "@/db/schema";
import { claimJobs, completeJob, enqueueJob } from "@/server/jobs/queue";
import { registerJobHandler } from "@/server/jobs/registry";
import { runDueJobs } from "@/server/jobs/run-due-jobs";
import { runWorkerOnce, startWorker } from "@/server/jobs/worker";
import { workerHealth } from "@/server/jobs/worker-health";
import { enqueueEmail } from "@/server/notify/outbox";
import { createTransport } from "@/server/notify/sender";
import { captureLogs } from "@/tests/support/log-capture";
import { startTestSmtp } from "@/tests/support/smtp";
import { migratedTestDatabase } from "@/tests/support/test-database";

const { db, open, url } = await migratedTestDatabase("jobs");

const rows = () => db.select().from(jobs);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  await db.delete(jobs);
  await db.delete(outbox);
  await db.delete(workerHeartbeats);
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("enqueueJob", () => {
  it("queues a dedupeKey once, inside the caller's transaction", async () => {
    const first = await db.transaction((tx) =>
      enqueueJob(tx, { kind: "k", payload: { a: 1 }, dedupeKey: "once" }),
    );
    const second = await db.transaction((tx) =>
      enqueueJob(tx, { kind: "k", payload: { a: 2 }, dedupeKey: "once" }),
    );
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const [row] = await rows();
    expect(row?.payload).toEqual({ a: 1 });

    // Concurrent enqueues of one key from three connections still make one job. (Autocommit: the
    // libSQL file driver is synchronous, so open transactions on two clients in ONE process would
    // wait on each other's lock with the event loop blocked; separate processes do not.)
    const racers = await Promise.all(
      [open(), open(), db].map((d) => enqueueJob(d, { kind: "k", payload: {}, dedupeKey: "race" })),
    );
    expect(racers.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(racers.map((r) => r.id)).size).toBe(1);

    // Jobs without a key are never deduplicated; a rolled-back enqueue leaves nothing.
    await enqueueJob(db, { kind: "k", payload: {} });
    await enqueueJob(db, { kind: "k", payload: {} });
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: "k", payload: {}, dedupeKey: "rolled-back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await rows()).toHaveLength(4);
    expect((await enqueueJob(db, { kind: "k", payload: {}, dedupeKey: "rolled-back" })).created).toBe(true);
  });
});

describe("leases", () => {
  it("never gives one job to two runners, and fences a runner whose lease expired", async () => {
    for (let i = 0; i < 5; i++) await enqueueJob(db, { kind: "k", payload: { i } });
    const t0 = new Date(Date.now() + 1000);
    const a = await claimJobs(db, { workerId: "a", now: t0, limit: 3, leaseMs: 10_000 });
    const b = await claimJobs(open(), { workerId: "b", now: t0, limit: 10, leaseMs: 10_000 });
    expect(a).toHaveLength(3);
    expect(b).toHaveLength(2);
    expect(new Set([...a, ...b].map((j) => j.id)).size).toBe(5);
    expect(await claimJobs(db, { workerId: "c", now: later(t0, 9_999) })).toHaveLength(0);

    // a's lease runs out and c takes the job over: a's late completion changes nothing.
    const taken = await claimJobs(db, { workerId: "c", now: later(t0, 10_001), limit: 1 });
    expect(taken).toHaveLength(1);
    const stale = a.find((j) => j.id === taken[0]?.id);
    expect(stale).toBeDefined();
    expect(await completeJob(db, stale!)).toBe(false);
    expect(await completeJob(db, taken[0]!)).toBe(true);
    expect(taken[0]?.attempts).toBe(2);
  });

  it("runs each of 40 jobs exactly once with two runners on two connections", async () => {
    const runs: string[] = [];
    registerJobHandler("count", async (payload) => {
      runs.push(String(payload.n));
      await sleep(2);
    });
    await db.transaction(async (tx) => {
      for (let n = 0; n < 40; n++) await enqueueJob(tx, { kind: "count", payload: { n } });
    });
    const runner = async (runnerDb: Db, workerId: string) => {
      let done = 0;
      for (;;) {
        const r = await runDueJobs({ db: runnerDb, workerId, limit: 3 });
        done += r.done;
        if (!r.claimed) return done;
      }
    };
    const [x, y] = await Promise.all([runner(open(), "x"), runner(open(), "y")]);
    expect(x + y).toBe(40);
    expect(runs).toHaveLength(40);
    expect(new Set(runs).size).toBe(40);
    expect((await rows()).every((j) => j.status === "done" && j.attempts === 1 && j.finishedAt)).toBe(true);
  });
});

describe("retries", () => {
  it("retries a failing job with backoff and completes it on a later run", async () => {
    let calls = 0;
    registerJobHandler("flaky", async () => {
      calls++;
      if (calls === 1) throw new Error("the first run fails");
    });
    await enqueueJob(db, { kind: "flaky", payload: {} });
    const t0 = new Date(Date.now() + 1000);
    expect(await runDueJobs({ db, workerId: "w", now: t0 })).toMatchObject({ claimed: 1, retried: 1 });
    const [failed] = await rows();
    expect(failed).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
    expect(failed?.lastError).toContain("the first run fails");
    const delay = (failed?.runAt.getTime() ?? 0) - t0.getTime();
    expect(delay).toBeGreaterThanOrEqual(15_000 * 0.75);
    expect(await runDueJobs({ db, workerId: "w", now: later(t0, delay - 1) })).toMatchObject({ claimed: 0 });
    expect(await runDueJobs({ db, workerId: "w", now: failed?.runAt })).toMatchObject({
      claimed: 1,
      done: 1,
    });
    expect((await rows())[0]).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect(calls).toBe(2);
  });

  it("dead-letters a job after maxAttempts, and fails unknown kinds with a clear error", async () => {
    registerJobHandler("always-fails", async () => {
      throw new Error("still broken");
    });
    await enqueueJob(db, { kind: "always-fails", payload: {}, maxAttempts: 3 });
    await enqueueJob(db, { kind: "nobody-handles-this", payload: {}, maxAttempts: 1 });
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < 3; i++) {
      await runDueJobs({ db, workerId: "w", now });
      now = later(now, 2 * 3600_000);
    }
    const byKind = Object.fromEntries((await rows()).map((j) => [j.kind, j]));
    expect(byKind["always-fails"]).toMatchObject({ status: "dead", attempts: 3 });
    expect(byKind["always-fails"]?.lastError).toContain("still broken");
    expect(byKind["nobody-handles-this"]).toMatchObject({ status: "dead", attempts: 1 });
    expect(byKind["nobody-handles-this"]?.lastError).toContain(
      'No handler registered for job kind "nobody-handles-this"',
    );
    expect(await runDueJobs({ db, workerId: "w", now: later(now, 86_400_000) })).toMatchObject({
      claimed: 0,
    });
  });

  it("dead-letters a job whose runner died on every attempt", async () => {
    await enqueueJob(db, { kind: "crashes-the-process", payload: {}, maxAttempts: 2 });
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < 2; i++) {
      // Claimed, then never completed nor failed: the runner "crashed".
      expect(await claimJobs(db, { workerId: `dying-${i}`, now, leaseMs: 1000 })).toHaveLength(1);
      now = later(now, 1001);
    }
    expect(await runDueJobs({ db, workerId: "w", now })).toMatchObject({ claimed: 0, dead: 1 });
    expect((await rows())[0]?.lastError).toMatch(/abandoned/);
  });
});

describe("worker", () => {
  it("reports health from heartbeats: none, fresh, stale", async () => {
    expect(await workerHealth(db)).toEqual({ ok: false, lastSeenAt: null });
    const t0 = new Date();
    await runWorkerOnce({ db, workerId: "hb", now: t0, transport: createTransport("smtp://127.0.0.1:9") });
    expect(await workerHealth(db, later(t0, 30_000))).toEqual({ ok: true, lastSeenAt: t0 });
    expect((await workerHealth(db, later(t0, 30_001))).ok).toBe(false);
  });

  it("never throws out of a tick, even when the database is gone", async () => {
    const { client, db: broken } = openDb(url);
    client.close();
    const logs = captureLogs();
    await expect(runWorkerOnce({ db: broken, workerId: "broken" })).resolves.toEqual({
      scheduled: null,
      jobs: null,
      emails: null,
    });
    logs.restore();
    expect(logs.lines().filter((l) => l.level === "error").length).toBeGreaterThan(0);
  });

  it("runs jobs and delivers the mail they queue, and stop() waits for the tick in flight", async () => {
    const smtp = await startTestSmtp();
    let finished = false;
    registerJobHandler("send-hello", async (payload, ctx) => {
      await ctx.db.transaction((tx) =>
        enqueueEmail(tx, {
          kind: "hello",
          to: "guest@example.com",
          subject: "Hello",
          text: "Hi",
          html: "<p>Hi</p>",
        }),
      );
      expect(payload).toEqual({ who: "guest" });
    });
    registerJobHandler("slow", async () => {
      await sleep(400);
      finished = true;
    });
    await enqueueJob(db, { kind: "send-hello", payload: { who: "guest" } });
    const worker = startWorker({ db, workerId: "loop", pollMs: 20, transport: createTransport(smtp.url) });
    await smtp.waitForReceived(1);
    expect((await workerHealth(db)).ok).toBe(true);

    await enqueueJob(db, { kind: "slow", payload: {} });
    while (!(await rows()).some((j) => j.kind === "slow" && j.leaseUntil)) await sleep(10);
    await worker.stop();
    expect(finished).toBe(true);
    expect((await rows()).find((j) => j.kind === "slow")?.status).toBe("done");
    expect(smtp.received[0]?.subject).toBe("Hello");
    await smtp.close();
  });
});
