import { beforeEach, describe, expect, it, vi } from "vitest";
import { jobs } from "@/db/schema";
import { claimJobs, completeJob } from "@/server/jobs/queue";
import type { RecurringTask } from "@/server/jobs/recurring-tasks";
import { registerJobHandler } from "@/server/jobs/registry";
import { createScheduler, latestSlot, pruneFinishedSlots, slotInstant } from "@/server/jobs/scheduler";
import { runWorkerOnce } from "@/server/jobs/worker";
import { migratedTestDatabase } from "@/tests/support/test-database";

const { db, open } = await migratedTestDatabase("scheduler");

const minutely: RecurringTask = { name: "test.minutely", pattern: "* * * * *", jobKind: "test.minutely" };
const daily: RecurringTask = { name: "test.daily", pattern: "0 3 * * *", jobKind: "test.daily" };
const tasks = () => [minutely, daily];
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  await db.delete(jobs);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("latestSlot", () => {
  it("is the slot at or before now, in UTC", () => {
    expect(latestSlot("*/5 * * * *", at("2026-12-02T05:12:30Z"))).toEqual(at("2026-12-02T05:10:00Z"));
    expect(latestSlot("*/5 * * * *", at("2026-12-02T05:15:00Z"))).toEqual(at("2026-12-02T05:15:00Z"));
    expect(latestSlot("0 3 * * *", at("2026-12-02T02:59:59Z"))).toEqual(at("2026-12-01T03:00:00Z"));
  });
});

describe("scheduler", () => {
  it("makes one job per slot when two schedulers (two workers) tick the same minute", async () => {
    const a = createScheduler({ db: open(), tasks });
    const b = createScheduler({ db: open(), tasks });
    const now = at("2026-12-02T05:12:30Z");
    const [fromA, fromB] = await Promise.all([a.tick(now), b.tick(new Date(now.getTime() + 20_000))]);
    expect([...fromA, ...fromB].sort()).toEqual([
      "cron:test.daily:2026-12-02T03:00:00.000Z",
      "cron:test.minutely:2026-12-02T05:12:00.000Z",
    ]);
    const rows = await db.select().from(jobs);
    expect(rows).toHaveLength(2);
    expect(rows.find((j) => j.kind === "test.minutely")).toMatchObject({
      payload: { at: "2026-12-02T05:12:00.000Z" },
      runAt: at("2026-12-02T05:12:00Z"),
    });

    // A restart (a fresh scheduler, no memory) ticking the same minute queues nothing again.
    expect(await createScheduler({ db, tasks }).tick(at("2026-12-02T05:12:59Z"))).toEqual([]);
    // The next minute is a new slot for the minutely task only.
    expect(await a.tick(at("2026-12-02T05:13:00Z"))).toEqual(["cron:test.minutely:2026-12-02T05:13:00.000Z"]);
    expect(await db.$count(jobs)).toBe(3);
  });

  it("queues only the latest slot after downtime, and the worker runs it with the slot as its clock", async () => {
    const seen: Date[] = [];
    registerJobHandler("test.minutely", async (payload) => {
      seen.push(slotInstant(payload));
    });
    registerJobHandler("test.daily", async () => {});
    const scheduler = createScheduler({ db, tasks });
    await scheduler.tick(at("2026-12-02T05:00:10Z"));
    // Three hours later: one minutely slot, not 180.
    const now = at("2026-12-02T08:00:10Z");
    const tick = await runWorkerOnce({ db, workerId: "w", scheduler, now });
    expect(tick.scheduled).toEqual(["cron:test.minutely:2026-12-02T08:00:00.000Z"]);
    expect(seen.map((d) => d.toISOString())).toEqual([
      "2026-12-02T05:00:00.000Z",
      "2026-12-02T08:00:00.000Z",
    ]);
    expect(await db.$count(jobs)).toBe(3);
  });

  it("prunes finished slots older than a week but keeps each kind's latest", async () => {
    const scheduler = createScheduler({ db, tasks: () => [daily] });
    const t0 = at("2026-11-01T03:00:00Z");
    for (let day = 0; day < 10; day++) {
      const now = new Date(t0.getTime() + day * 86_400_000);
      await scheduler.tick(now);
      for (const job of await claimJobs(db, { workerId: "w", now })) await completeJob(db, job, now);
    }
    // Ten daily slots; a month later all but the latest are older than a week.
    const removed = await pruneFinishedSlots(db, at("2026-12-10T00:00:00Z"));
    expect(removed).toBe(9);
    const [kept] = await db.select().from(jobs);
    expect(kept?.dedupeKey).toBe("cron:test.daily:2026-11-10T03:00:00.000Z");
    expect(await createScheduler({ db, tasks: () => [daily] }).tick(at("2026-11-10T12:00:00Z"))).toEqual([]);
  });
});
