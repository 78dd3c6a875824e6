import "../support/test-env";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers, invitations, jobs, outbox, surveys } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { getJobHandler } from "@/server/jobs/registry";
import { sendReminders } from "@/server/reminders/send-reminders";
import { endSession } from "@/server/sessions/set-session-status";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import "@/server/jobs/handlers";
import {
  actorFor,
  invite,
  liveSessionWith,
  newCustomers,
  newSession,
  rsvp,
  sessionRow,
} from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

const inDays = (days: number) => instantToZonedWallTime(new Date(Date.now() + days * 86400_000), "UTC");

const mailsTo = async (kind: string, customerIds: string[]) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, kind), inArray(outbox.customerId, customerIds)));

const invitationOf = async (sessionId: string, customerId: string) => {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.sessionId, sessionId), eq(invitations.customerId, customerId)));
  if (!row) throw new Error("no invitation");
  return row;
};

/** A session with these customers booked; `attended` of them marked as the room marks them. */
async function endedSessionWith(people: { id: string }[], attended: { id: string }[]) {
  const { sessionId, tokens } = await liveSessionWith(staff.facilitator, people, attended);
  await endSession(staff.facilitator, { sessionId });
  return { sessionId, tokens };
}

describe("who gets the survey", () => {
  it("only attendees who may be emailed: never a no-show, a withdrawn or erased customer, or 'no contact'", async () => {
    const [came, noShow, withdrew, erased, noContact] = await newCustomers(5);
    const all = [came!, noShow!, withdrew!, erased!, noContact!];
    const { sessionId, tokens } = await endedSessionWith(all, [came!, withdrew!, erased!, noContact!]);
    await withdrawCustomer(await actorFor(tokens[2]!));
    await db.update(customers).set({ erasedAt: new Date() }).where(eq(customers.id, erased!.id));
    await db.update(customers).set({ contactPreference: "none" }).where(eq(customers.id, noContact!.id));

    await dispatchSurveys(sessionId);

    const sent = await mailsTo(
      "survey",
      all.map((p) => p.id),
    );
    expect(sent.map((m) => m.customerId)).toEqual([came!.id]);
    const rows = await db.select().from(surveys).where(eq(surveys.sessionId, sessionId));
    expect(rows).toHaveLength(1);
  });

  it("invitations and reminders honour the contact preference 'none'", async () => {
    const [quiet] = await db
      .insert(customers)
      .values({
        name: "Quiet",
        email: `quiet-${crypto.randomUUID()}@example.test`,
        contactPreference: "none",
      })
      .returning();
    const [later] = await newCustomers(1);
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(3), timeZone: "UTC" });
    const [token] = await invite(staff.facilitator, sessionId, [later!.id]);
    await rsvp(token!);
    const { inviteCustomers } = await import("@/server/invitations/invite-customers");
    await inviteCustomers(staff.facilitator, { sessionId, customerIds: [quiet!.id] });
    expect(await mailsTo("invitation", [quiet!.id])).toHaveLength(0);

    // Booked with email allowed, then asked not to be contacted: no reminder either.
    await db.update(customers).set({ contactPreference: "none" }).where(eq(customers.id, later!.id));
    const session = await sessionRow(sessionId);
    await sendReminders({ sessionId, reminder: "day_before", startsAt: session.startsAt.getTime() });
    expect(await mailsTo("reminder_day", [later!.id])).toHaveLength(0);
  });

  it("the frequency cap holds when two sessions end at the same moment", async () => {
    const [both, onlyA, onlyB] = await newCustomers(3);
    const a = await endedSessionWith([both!, onlyA!], [both!, onlyA!]);
    const b = await endedSessionWith([both!, onlyB!], [both!, onlyB!]);
    await Promise.all([dispatchSurveys(a.sessionId), dispatchSurveys(b.sessionId)]);
    const sent = await mailsTo("survey", [both!.id, onlyA!.id, onlyB!.id]);
    expect(sent.filter((m) => m.customerId === both!.id)).toHaveLength(1);
    expect(sent.filter((m) => m.customerId !== both!.id)).toHaveLength(2);
  });

  it("one reminder to those who have not answered, after the delay, never twice", async () => {
    const [answers, silent] = await newCustomers(2);
    const { sessionId } = await endedSessionWith([answers!, silent!], [answers!, silent!]);
    await dispatchSurveys(sessionId);
    const rows = await db.select().from(surveys).where(eq(surveys.sessionId, sessionId));
    expect(rows).toHaveLength(2);
    const answered = rows[0]!;
    const answeredBy = (await db.query.invitations.findFirst({
      where: eq(invitations.id, answered.invitationId!),
    }))!.customerId;
    await submitSurveyResponse(
      { kind: "respondent", surveyId: answered.id, sessionId },
      { answers: { csat: 4, heard: 6, nps: 9 }, final: true },
      "en",
    );

    const remindJobs = (await db.select().from(jobs).where(eq(jobs.kind, "surveys.remind"))).filter((j) =>
      rows.some((r) => (j.payload as { surveyId: string }).surveyId === r.id),
    );
    expect(remindJobs).toHaveLength(2);
    for (const j of remindJobs) expect(j.runAt.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const job = getJobHandler("surveys.remind")!;
    const handler = (payload: Record<string, unknown>) =>
      job(payload, { db, jobId: "t", attempt: 1, workerId: "t" });
    // Run every reminder job twice, concurrently, and once more: the dedupe holds.
    await Promise.all(remindJobs.flatMap((j) => [handler(j.payload), handler(j.payload)]));
    for (const j of remindJobs) await handler(j.payload);

    const reminders = await mailsTo("survey_reminder", [answers!.id, silent!.id]);
    const silentId = answeredBy === answers!.id ? silent!.id : answers!.id;
    expect(reminders.map((m) => m.customerId)).toEqual([silentId]);
  });
});

describe("attendance corrected by the facilitator", () => {
  it("a guest corrected to attended after the dispatch gets the survey; the dispatch never repeats anyone", async () => {
    const [came, late] = await newCustomers(2);
    const { sessionId } = await endedSessionWith([came!, late!], [came!]);
    await dispatchSurveys(sessionId);
    const { correctAttendance } = await import("@/server/sessions/correct-attendance");
    const inv = await invitationOf(sessionId, late!.id);
    await correctAttendance(staff.facilitator, { sessionId, invitationId: inv.id, status: "attended" });
    const queued = (await db.select().from(jobs).where(eq(jobs.kind, "surveys.dispatch"))).filter((j) =>
      (j.payload as { invitationIds?: string[] }).invitationIds?.includes(inv.id),
    );
    expect(queued).toHaveLength(1);
    const job = getJobHandler("surveys.dispatch")!;
    await job(queued[0]!.payload, { db, jobId: "t", attempt: 1, workerId: "t" });
    await dispatchSurveys(sessionId);
    const sent = await mailsTo("survey", [came!.id, late!.id]);
    expect(sent.map((m) => m.customerId).sort()).toEqual([came!.id, late!.id].sort());
  });
});
