// Action items closing the loop: department scoping (another department's action is a 404 and
// nothing changes), edits and comments on the timeline, emails through the outbox, and reminders
// and escalations that go once each under two workers, driven by a test clock.
import "../support/test-env";
import { and, eq, inArray, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, openDb } from "@/db";
import { actionEvents, actions, departments, jobs, outbox, users } from "@/db/schema";
import { REMINDER_LEAD_MS } from "@/lib/domain/action-statuses";
import { commentActionItem } from "@/server/action-items/comment-action-item";
import { createActionItem } from "@/server/action-items/create-action-item";
import { sendDeadlineNotice } from "@/server/action-items/deadlines/send-deadline-notice";
import { DEADLINE_NOTICE_JOB, sweepDeadlines } from "@/server/action-items/deadlines/sweep-deadlines";
import { editActionItem } from "@/server/action-items/edit-action-item";
import { getActionItem } from "@/server/action-items/get-action-item";
import { listAllActionItems } from "@/server/action-items/list-all-action-items";
import { moveActionItem } from "@/server/action-items/move-action-item";
import { DomainError } from "@/server/errors";
import "@/server/jobs/handlers";
import { createScheduler } from "@/server/jobs/scheduler";
import { runWorkerOnce } from "@/server/jobs/worker";
import { seededDb } from "../support/seeded-db";
import { TEST_DB_KIND } from "../support/test-database";
import { TEST_DATABASE_URL } from "../support/test-env";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let billing: string;
let insightId: string;
let hannah: { id: string; email: string };

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

beforeAll(async () => {
  staff = await seededDb();
  billing = staff.owner.departments.find((d) => d.isOwner)!.id;
  insightId = (await db.query.insights.findFirst())!.id;
  const h = (await db.query.users.findFirst({ where: eq(users.email, "hannah.fischer@northwind.example") }))!;
  hannah = { id: h.id, email: h.email };
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

const newBillingAction = async (title: string, deadlineInDays = 5) =>
  (
    await createActionItem(staff.facilitator, {
      insightId,
      departmentId: billing,
      ownerId: hannah.id,
      title,
      deadline: day(Date.now() + deadlineInDays * DAY),
    })
  ).id;

const eventsOf = (actionId: string) =>
  db.select().from(actionEvents).where(eq(actionEvents.actionId, actionId)).orderBy(actionEvents.createdAt);

async function refusedAsMissing(fn: () => Promise<unknown>) {
  const error = await fn().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe("not_found");
}

describe("department scoping", () => {
  it("an agent of another department gets not-found for every use and nothing changes", async () => {
    const id = await newBillingAction("Scoped: explain the tariff change on the bill");
    const before = await db.query.actions.findFirst({ where: eq(actions.id, id) });
    const eventsBefore = (await eventsOf(id)).length;
    const amira = staff.agent; // Contact Centre, not Billing
    await refusedAsMissing(() => getActionItem(amira, id));
    await refusedAsMissing(() => moveActionItem(amira, { actionId: id, to: "in_progress" }));
    await refusedAsMissing(() => moveActionItem(amira, { actionId: id, to: "done", note: "Fixed" }));
    await refusedAsMissing(() => commentActionItem(amira, { actionId: id, text: "Looking" }));
    expect(await db.query.actions.findFirst({ where: eq(actions.id, id) })).toEqual(before);
    expect(await eventsOf(id)).toHaveLength(eventsBefore);
    const listed = await listAllActionItems(amira, { page: 1 });
    const amiraDepartments = amira.departments.map((d) => d.id);
    expect(
      listed.rows.every((r) => r.ownerId === amira.userId || amiraDepartments.includes(r.departmentId)),
    ).toBe(true);
    expect(listed.rows.some((r) => r.id === id)).toBe(false);

    // Billing's owner (an agent too) and an executive see it; the executive may not work it.
    expect((await getActionItem(staff.owner, id)).canWork).toBe(true);
    const forExecutive = await getActionItem(staff.executive, id);
    expect([forExecutive.canWork, forExecutive.canEdit]).toEqual([false, false]);
    await refusedAsMissing(() => moveActionItem(staff.executive, { actionId: id, to: "in_progress" }));
  });
});

describe("the timeline and the emails", () => {
  it("assignment, reassignment, comments, done with evidence, reopen with a reason", async () => {
    const id = await newBillingAction("Timeline: one owner for every bill query");
    const mails = () =>
      db.select().from(outbox).where(like(outbox.subject, "%one owner for every bill query%"));
    expect((await mails()).map((m) => [m.kind, m.toAddress])).toEqual([["action.assigned", hannah.email]]);

    await editActionItem(staff.facilitator, {
      actionId: id,
      departmentId: billing,
      ownerId: staff.owner.userId,
      title: "Timeline: one owner for every bill query",
      deadline: day(Date.now() + 9 * DAY),
      reason: "Hannah is on leave",
    });
    await commentActionItem(staff.owner, { actionId: id, text: "Starting with the direct debit queue." });
    await moveActionItem(staff.owner, { actionId: id, to: "in_progress" });
    await expect(moveActionItem(staff.owner, { actionId: id, to: "done", note: "" })).rejects.toMatchObject({
      code: "invalid",
    });
    await moveActionItem(staff.owner, {
      actionId: id,
      to: "done",
      note: "Every bill query now has a named owner in the CRM.",
      evidenceUrl: "https://intranet.northwind.example/crm/owners",
      evidenceFileName: "owner-rota.xlsx",
    });
    await expect(
      moveActionItem(staff.facilitator, { actionId: id, to: "open", note: "" }),
    ).rejects.toMatchObject({
      code: "invalid",
    });
    await moveActionItem(staff.facilitator, {
      actionId: id,
      to: "open",
      note: "Still two handoffs in the logs",
    });

    const events = await eventsOf(id);
    expect(events.map((e) => e.kind)).toEqual(["status", "edit", "comment", "status", "status", "status"]);
    expect(events[1]?.note).toContain("owner Hannah Fischer → Olu Owner");
    expect(events[1]?.note).toContain("Hannah is on leave");
    expect(events[4]?.note).toContain("owner-rota.xlsx");
    expect(events[5]).toMatchObject({
      fromStatus: "done",
      toStatus: "open",
      note: "Still two handoffs in the logs",
    });
    const kinds = (await mails()).map((m) => [m.kind, m.toAddress]).sort();
    expect(kinds).toEqual(
      [
        ["action.assigned", hannah.email],
        ["action.reassigned", staff.owner.email],
        ["action.done", staff.facilitator.email],
      ].sort(),
    );
    const item = await getActionItem(staff.facilitator, id);
    expect([item.status, item.doneAt, item.evidenceFileName]).toEqual(["open", null, "owner-rota.xlsx"]);
  });
});

describe("reminders and escalations", () => {
  it("go once each — head, then executives — when two workers sweep the same minutes", async () => {
    const { client: clientA, db: a } = openDb(TEST_DATABASE_URL);
    const { client: clientB, db: b } = openDb(TEST_DATABASE_URL);
    try {
      const id = await newBillingAction("Escalation: stop estimated bills after a reading", 3);
      const action = (await db.query.actions.findFirst({ where: eq(actions.id, id) }))!;
      const head = (await db.query.departments.findFirst({ where: eq(departments.id, billing) }))!.headId;
      expect(head).toBe(staff.owner.userId);
      const executives = await db
        .select()
        .from(users)
        .where(and(eq(users.role, "executive"), eq(users.active, true)));
      const workers = [
        { db: a, workerId: "worker-a", scheduler: createScheduler({ db: a }) },
        { db: b, workerId: "worker-b", scheduler: createScheduler({ db: b }) },
      ] as const;

      const tickBoth = async (now: Date) => {
        // Both workers tick the same instant. On a libSQL server they run truly at once; on the
        // embedded file driver two write transactions in ONE process would block each other's
        // event loop (decision 004), so there they take turns, tick by tick.
        const tick = (i: 0 | 1) => runWorkerOnce({ ...workers[i], now });
        if (TEST_DB_KIND === "sqld") await Promise.all([tick(0), tick(1)]);
        else {
          await tick(0);
          await tick(1);
        }
        // Whatever the first round queued (the sweep's notices) runs in the next.
        await tick(1);
        await tick(0);
      };
      const mine = async () =>
        (await eventsOf(id)).filter((e) => e.kind !== "status").map((e) => [e.kind, e.actorId]);
      const mailsFor = () =>
        db
          .select({ kind: outbox.kind, to: outbox.toAddress })
          .from(outbox)
          .where(like(outbox.subject, "%stop estimated bills after a reading%"));

      // A minute before the reminder is due: nothing.
      const deadline = action.deadline.getTime();
      await tickBoth(new Date(deadline - REMINDER_LEAD_MS - 10 * 60_000));
      expect(await mine()).toEqual([]);

      // Reminder time, ticked by both workers and then again (a restart): one reminder.
      await tickBoth(new Date(deadline - REMINDER_LEAD_MS + 60_000));
      await tickBoth(new Date(deadline - REMINDER_LEAD_MS + 6 * 60_000));
      expect(await mine()).toEqual([["reminder", null]]);

      // Overdue: the head once; three days on: the executives once, however often swept.
      for (const at of [deadline + 60_000, deadline + DAY, deadline + 3 * DAY + 60_000, deadline + 4 * DAY])
        await tickBoth(new Date(at));
      expect(await mine()).toEqual([
        ["reminder", null],
        ["escalated_head", null],
        ["escalated_executives", null],
      ]);
      expect((await mailsFor()).map((m) => [m.kind, m.to]).sort()).toEqual(
        [
          ["action.assigned", hannah.email],
          ["action.reminder", hannah.email],
          ["action.escalated_head", staff.owner.email],
          ...executives.map((e) => ["action.escalated_executives", e.email]),
        ].sort(),
      );

      // A notice job delivered twice (a worker died after sending, before marking the job done)
      // and a sweep repeated on the other connection add nothing either.
      const notices = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, DEADLINE_NOTICE_JOB), like(jobs.dedupeKey, `%:${id}:%`)));
      expect(notices.map((j) => j.dedupeKey?.split(":")[0]).sort()).toEqual([
        "escalate-executives",
        "escalate-head",
        "reminder",
      ]);
      for (const job of notices) expect(await sendDeadlineNotice(b, job.payload)).toBe("skipped");
      await Promise.all([
        sweepDeadlines(a, new Date(deadline + 5 * DAY)),
        sweepDeadlines(b, new Date(deadline + 5 * DAY)),
      ]);
      expect(
        await db.$count(
          jobs,
          inArray(
            jobs.id,
            notices.map((j) => j.id),
          ),
        ),
      ).toBe(3);
      expect((await mailsFor()).length).toBe(3 + executives.length);

      // Done before the deadline moves nothing more; a new deadline earns a fresh reminder.
      await editActionItem(staff.facilitator, {
        actionId: id,
        departmentId: billing,
        ownerId: hannah.id,
        title: action.title,
        deadline: day(Date.now() + 20 * DAY),
      });
      const moved = (await db.query.actions.findFirst({ where: eq(actions.id, id) }))!.deadline.getTime();
      await tickBoth(new Date(moved - REMINDER_LEAD_MS + 60_000));
      expect((await mine()).filter(([k]) => k === "reminder")).toHaveLength(2);
    } finally {
      clientA.close();
      clientB.close();
    }
  });
});
