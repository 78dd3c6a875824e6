// Tables that grow with time are pruned by the recurring scheduler (docs/decisions/014, 022):
// sent mail after 30 days (dead letters and pending mail stay, whatever their age) and applied
// LiveKit webhook event ids after a week. Driven by a test clock: the scheduler ticks the night's
// slots and the worker runs them with the slot as its "now"; a second run changes nothing.
import "../support/test-env";
import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { jobs, livekitWebhookEvents, outbox } from "@/db/schema";
import "@/server/jobs/handlers";
import { recurringTasks } from "@/server/jobs/recurring-tasks";
import { runDueJobs } from "@/server/jobs/run-due-jobs";
import { createScheduler } from "@/server/jobs/scheduler";
import { PRUNE_OUTBOX_JOB } from "@/server/notify/prune-outbox";
import { PRUNE_WEBHOOK_EVENTS_JOB } from "@/server/rooms/prune-webhook-events";

const DAY = 86_400_000;
const NOW = new Date("2026-12-02T05:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

const mail = (subject: string, status: "pending" | "sent" | "dead", at: Date) => ({
  kind: "test",
  toAddress: "someone@example.com",
  subject,
  text: "x",
  html: "<p>x</p>",
  messageId: `<${subject}@test>`,
  status,
  createdAt: at,
  nextAttemptAt: status === "pending" ? new Date(NOW.getTime() + DAY) : at,
  sentAt: status === "sent" ? at : null,
  attempts: status === "dead" ? 8 : 1,
});

/** The night's prune slots queued and run at the test clock's `now`, as a worker would. */
async function nightlyPrune(now: Date) {
  const tasks = () =>
    recurringTasks().filter((t) => t.jobKind === PRUNE_OUTBOX_JOB || t.jobKind === PRUNE_WEBHOOK_EVENTS_JOB);
  const scheduled = await createScheduler({ db, tasks }).tick(now);
  const ran = await runDueJobs({ db, workerId: "prune-test", now });
  return { scheduled, ran };
}

beforeAll(async () => {
  await migrateDatabase(db);
  await db
    .insert(outbox)
    .values([
      mail("sent-40-days-ago", "sent", ago(40)),
      mail("sent-31-days-ago", "sent", ago(31)),
      mail("sent-29-days-ago", "sent", ago(29)),
      mail("sent-today", "sent", ago(0.1)),
      mail("dead-90-days-ago", "dead", ago(90)),
      mail("pending-since-60-days", "pending", ago(60)),
    ]);
  await db.insert(livekitWebhookEvents).values([
    { id: "EV_old", event: "room_finished", roomName: "r1", receivedAt: ago(8) },
    { id: "EV_recent", event: "room_started", roomName: "r2", receivedAt: ago(6) },
  ]);
});

describe("nightly pruning", () => {
  it("deletes sent mail past 30 days and webhook ids past a week; keeps dead letters and pending mail", async () => {
    const first = await nightlyPrune(NOW);
    expect(first.scheduled.sort()).toEqual([
      `cron:${PRUNE_OUTBOX_JOB}:2026-12-02T04:23:00.000Z`,
      `cron:${PRUNE_WEBHOOK_EVENTS_JOB}:2026-12-02T04:29:00.000Z`,
    ]);
    expect(first.ran).toMatchObject({ claimed: 2, done: 2, dead: 0 });
    // The slot (04:23) is the handler's clock, not the tick's 05:00.
    const left = await db.select({ subject: outbox.subject }).from(outbox).orderBy(asc(outbox.subject));
    expect(left.map((r) => r.subject)).toEqual([
      "dead-90-days-ago",
      "pending-since-60-days",
      "sent-29-days-ago",
      "sent-today",
    ]);
    const events = await db.select({ id: livekitWebhookEvents.id }).from(livekitWebhookEvents);
    expect(events.map((e) => e.id)).toEqual(["EV_recent"]);
  });

  it("a second run of the same night queues nothing and deletes nothing", async () => {
    const before = { mail: await db.$count(outbox), events: await db.$count(livekitWebhookEvents) };
    const jobsBefore = await db.$count(jobs);
    const second = await nightlyPrune(new Date(NOW.getTime() + 3600_000));
    expect(second.scheduled).toEqual([]);
    expect(second.ran).toMatchObject({ claimed: 0 });
    expect({ mail: await db.$count(outbox), events: await db.$count(livekitWebhookEvents) }).toEqual(before);
    expect(await db.$count(jobs)).toBe(jobsBefore);
  });

  it("two nights later prunes what has aged past the line since, and only that", async () => {
    const next = await nightlyPrune(new Date(NOW.getTime() + 2 * DAY));
    expect(next.ran).toMatchObject({ claimed: 2, done: 2 });
    const left = await db.select({ subject: outbox.subject }).from(outbox).orderBy(asc(outbox.subject));
    // Slot 2026-12-04T04:23Z: sent-29-days-ago is now past 30 days, the 6-day-old event past a
    // week; dead and pending mail still stay.
    expect(left.map((r) => r.subject)).toEqual(["dead-90-days-ago", "pending-since-60-days", "sent-today"]);
    expect(await db.$count(livekitWebhookEvents)).toBe(0);
  });
});
