import "../support/test-env";
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invitations, jobs, outbox, reminderDeliveries, sessions } from "@/db/schema";
import { formatDateTime, instantToZonedWallTime } from "@/lib/dates";
import { customerFacets } from "@/server/customers/customer-facets";
import { inviteAudience } from "@/server/invitations/invite-audience";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { getJobHandler } from "@/server/jobs/registry";
import { createTransport, deliverDueEmails } from "@/server/notify/sender";
import { REMINDER_JOB } from "@/server/reminders/schedule-reminders";
import { sendReminders } from "@/server/reminders/send-reminders";
import { cancelSession } from "@/server/sessions/cancel-session";
import { correctAttendance } from "@/server/sessions/correct-attendance";
import { markNoShows, NO_SHOW_JOB } from "@/server/sessions/mark-no-shows";
import { rescheduleSession } from "@/server/sessions/reschedule-session";
import { endSession } from "@/server/sessions/set-session-status";
import "@/server/jobs/handlers";
import {
  ACCEPT,
  actorFor,
  addStaff,
  DECLINE,
  invite,
  newCustomers,
  newSession,
  parseIcs,
  rsvp,
  sessionRow,
} from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let smtp: TestSmtp;

beforeAll(async () => {
  staff = await seededDb();
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const inDays = (days: number, zone = "Europe/London") =>
  instantToZonedWallTime(new Date(Date.now() + days * 86400_000), zone);

/** Sends everything pending over the real SMTP server; returns the mails that reached `to`. */
async function deliverTo(to: string[]) {
  const transport = createTransport(smtp.url);
  try {
    for (let i = 0; i < 20; i++) {
      const r = await deliverDueEmails({ db, workerId: "lifecycle", transport, limit: 200 });
      if (r.claimed === 0) break;
    }
  } finally {
    transport.close();
  }
  return smtp.received.filter((m) => m.envelopeTo.some((a) => to.includes(a)));
}

const calendarOf = (mail: { attachments: { contentType: string; content: string }[] }) => {
  const part = mail.attachments.find((a) => a.content.includes("BEGIN:VCALENDAR"));
  if (!part) throw new Error("no calendar file in the mail");
  return parseIcs(part.content);
};

const queued = (kind: string, customerIds: string[]) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, kind), inArray(outbox.customerId, customerIds)));

const statuses = async (sessionId: string) => {
  const rows = await db
    .select({ customerId: invitations.customerId, status: invitations.status })
    .from(invitations)
    .where(eq(invitations.sessionId, sessionId));
  return new Map(rows.map((r) => [r.customerId, r.status]));
};

const countStatus = async (sessionId: string, status: "accepted" | "waitlisted") => {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(invitations)
    .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, status)));
  return row?.n ?? 0;
};

const reminderJobs = async (sessionId: string) =>
  (await db.select().from(jobs).where(eq(jobs.kind, REMINDER_JOB))).filter(
    (j) => (j.payload as { sessionId: string }).sessionId === sessionId,
  );

describe("invitation emails with a calendar file", () => {
  it("arrive over SMTP with METHOD:REQUEST, a stable UID and the session's zone, the text in each customer's language and zone", async () => {
    // The day after the October change: London is back on GMT, so 09:30 local is 09:30 UTC.
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: "2027-11-01T09:30",
      timeZone: "Europe/London",
      durationMinutes: 45,
    });
    const [vi] = await newCustomers(1, { language: "vi", timeZone: "Asia/Ho_Chi_Minh" });
    const [zh] = await newCustomers(1, { language: "zh", timeZone: "America/New_York" });
    const [en] = await newCustomers(1, { language: "en", timeZone: "Europe/London" });
    const people = [vi!, zh!, en!];
    await invite(
      staff.facilitator,
      sessionId,
      people.map((p) => p.id),
    );
    const mails = await deliverTo(people.map((p) => p.email!));
    expect(mails).toHaveLength(3);
    const start = new Date("2027-11-01T09:30:00Z");
    const invs = await db.select().from(invitations).where(eq(invitations.sessionId, sessionId));
    for (const person of people) {
      const mail = mails.find((m) => m.envelopeTo.includes(person.email!))!;
      const ics = calendarOf(mail);
      const inv = invs.find((i) => i.customerId === person.id)!;
      expect(ics.method).toBe("REQUEST");
      expect(ics.uid).toBe(`invitation-${inv.id}@app.test`);
      expect(ics.sequence).toBe(0);
      expect(ics.tzid).toBe("Europe/London");
      expect(ics.dtstartRaw).toContain("20271101T093000");
      expect(ics.start.toISOString()).toBe(start.toISOString());
      expect(ics.end.toISOString()).toBe("2027-11-01T10:15:00.000Z");
      expect(ics.dtstamp).toMatch(/Z$/);
      expect(ics.description).toMatch(/http:\/\/app\.test:3000\/i\//);
    }
    const viMail = mails.find((m) => m.envelopeTo.includes(vi!.email!))!;
    expect(viMail.subject).toMatch(/^Thư mời tham gia:/);
    // 09:30 in London is 16:30 in Ho Chi Minh City, written the Vietnamese way.
    expect(viMail.text).toContain(formatDateTime(start, "Asia/Ho_Chi_Minh", "vi-VN"));
    expect(formatDateTime(start, "Asia/Ho_Chi_Minh", "vi-VN")).toMatch(/16:30/);
    const zhMail = mails.find((m) => m.envelopeTo.includes(zh!.email!))!;
    expect(zhMail.subject).toMatch(/^诚邀您参加/);
    expect(zhMail.text).toContain(formatDateTime(start, "America/New_York", "zh-CN"));
    // London has left summer time but New York has not yet (EDT until 7 November): 05:30 there.
    expect(formatDateTime(start, "America/New_York", "zh-CN")).toMatch(/05:30/);
  });

  it("writes a UTC calendar for a session planned in UTC", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: "2027-06-01T12:00",
      timeZone: "UTC",
    });
    const [c] = await newCustomers(1);
    await invite(staff.facilitator, sessionId, [c!.id]);
    const [row] = await queued("invitation", [c!.id]);
    const ics = parseIcs(row!.attachments[0]!.content);
    expect(ics.tzid).toBeNull();
    expect(ics.dtstartRaw).toContain("20270601T120000Z");
  });
});

describe("reminders", () => {
  it("are due 24 hours and 1 hour before the start instant in every zone, across daylight-saving changes", async () => {
    const cases = [
      // London, the day after the October change (GMT).
      { local: "2027-11-01T09:30", zone: "Europe/London", start: "2027-11-01T09:30:00.000Z" },
      // London, the day of the March change (BST): 24 h earlier the clocks still read GMT.
      { local: "2027-03-28T10:00", zone: "Europe/London", start: "2027-03-28T09:00:00.000Z" },
      // New York on the day of its November change: the day-before reminder lands at 11:00 EDT.
      { local: "2027-11-07T10:00", zone: "America/New_York", start: "2027-11-07T15:00:00.000Z" },
      { local: "2027-03-10T19:00", zone: "Asia/Ho_Chi_Minh", start: "2027-03-10T12:00:00.000Z" },
    ];
    for (const c of cases) {
      const sessionId = await newSession(staff.facilitator, { startsAtLocal: c.local, timeZone: c.zone });
      const [guest] = await newCustomers(1);
      await invite(staff.facilitator, sessionId, [guest!.id]);
      const due = Object.fromEntries(
        (await reminderJobs(sessionId)).map((j) => [(j.payload as { reminder: string }).reminder, j.runAt]),
      );
      const start = new Date(c.start).getTime();
      expect((await sessionRow(sessionId)).startsAt.toISOString()).toBe(c.start);
      expect(due.day_before?.getTime()).toBe(start - 24 * 3600_000);
      expect(due.hour_before?.getTime()).toBe(start - 3600_000);
    }
    const ny = new Date("2027-11-06T15:00:00Z");
    expect(formatDateTime(ny, "America/New_York")).toMatch(/11:00/);
  });

  it("go out once to each booked guest even when the job is triggered concurrently and again", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: inDays(5),
      timeZone: "Europe/London",
    });
    const booked = await newCustomers(4, { language: "vi", timeZone: "Asia/Ho_Chi_Minh" });
    const [declined] = await newCustomers(1);
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      [...booked, declined!].map((c) => c.id),
    );
    for (const t of tokens.slice(0, 4)) await rsvp(t);
    await rsvp(tokens[4]!, DECLINE);
    const job = (await reminderJobs(sessionId)).find(
      (j) => (j.payload as { reminder: string }).reminder === "day_before",
    )!;
    const handler = getJobHandler(REMINDER_JOB)!;
    const ctx = { db, jobId: job.id, attempt: 1, workerId: "w" };
    await Promise.all(Array.from({ length: 8 }, () => handler(job.payload, ctx)));
    await handler(job.payload, ctx);
    const sent = await queued(
      "reminder_day",
      [...booked, declined!].map((c) => c.id),
    );
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((m) => m.customerId))).toEqual(new Set(booked.map((c) => c.id)));
    const markers = await db
      .select()
      .from(reminderDeliveries)
      .where(
        inArray(
          reminderDeliveries.invitationId,
          (await db.select().from(invitations).where(eq(invitations.sessionId, sessionId))).map((i) => i.id),
        ),
      );
    expect(markers).toHaveLength(4);

    const mails = await deliverTo([booked[0]!.email!]);
    const reminder = mails.find((m) => m.subject.startsWith("Nhắc lịch"))!;
    expect(reminder).toBeDefined();
    const session = await sessionRow(sessionId);
    expect(reminder.text).toContain(formatDateTime(session.startsAt, "Asia/Ho_Chi_Minh", "vi-VN"));
    // A fresh personal link, and the withdraw path on the same page.
    const link = /http:\/\/app\.test:3000\/i\/([A-Za-z0-9_-]+)(?!#)/.exec(reminder.text ?? "")?.[1];
    expect(reminder.text).toMatch(/\/i\/[A-Za-z0-9_-]+#help/);
    expect(link).toBeDefined();
    const actor = await actorFor(link!);
    expect(actor.sessionId).toBe(sessionId);
    expect(actor.customerId).toBe(booked[0]!.id);
  });

  it("skip the day-before note once the hour-before one is due, and send nothing for a cancelled session", async () => {
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(3), timeZone: "UTC" });
    const [g] = await newCustomers(1);
    const [t] = await invite(staff.facilitator, sessionId, [g!.id]);
    await rsvp(t!);
    const s = await sessionRow(sessionId);
    const startsAt = s.startsAt.getTime();
    const late = new Date(startsAt - 30 * 60_000);
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt }, late)).sent).toBe(0);
    expect((await sendReminders({ sessionId, reminder: "hour_before", startsAt }, late)).sent).toBe(1);
    await cancelSession(staff.facilitator, { sessionId });
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt })).sent).toBe(0);
  });
});

describe("reschedule and cancel", () => {
  it("rescheduling back and forth sends calendar updates with a rising SEQUENCE to everyone on the list and never repeats a reminder", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: inDays(6),
      timeZone: "Europe/London",
      seats: 1,
    });
    await addStaff(sessionId, staff.executive.userId);
    const [booked, waiting, silent, declined] = await newCustomers(4, {
      language: "zh",
      timeZone: "Asia/Shanghai",
    });
    const all = [booked!, waiting!, silent!, declined!];
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      all.map((c) => c.id),
    );
    await rsvp(tokens[0]!);
    expect((await rsvp(tokens[1]!)).status).toBe("waitlisted");
    await rsvp(tokens[3]!, DECLINE);
    const first = await sessionRow(sessionId);
    const T = first.startsAt.getTime();
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt: T })).sent).toBe(1);

    // Move it a day later, in New York time, and longer.
    const laterLocal = instantToZonedWallTime(new Date(T + 86400_000), "America/New_York");
    const moved = await rescheduleSession(staff.facilitator, {
      sessionId,
      startsAtLocal: laterLocal,
      timeZone: "America/New_York",
      durationMinutes: 60,
    });
    expect(moved.sequence).toBe(1);
    expect(moved.notified).toEqual({ customers: 3, staff: 2 });
    const updates = await queued(
      "rescheduled",
      all.map((c) => c.id),
    );
    expect(new Set(updates.map((u) => u.customerId))).toEqual(new Set([booked!.id, waiting!.id, silent!.id]));
    const staffUpdates = await db.select().from(outbox).where(eq(outbox.kind, "staff_rescheduled"));
    expect(staffUpdates.map((u) => u.toAddress).sort()).toEqual(
      [staff.facilitator.email, staff.executive.email].sort(),
    );
    const update = parseIcs(updates[0]!.attachments[0]!.content);
    expect(update.method).toBe("REQUEST");
    expect(update.sequence).toBe(1);
    expect(update.tzid).toBe("America/New_York");
    expect(update.start.getTime()).toBe(T + 86400_000);
    expect(update.end.getTime()).toBe(T + 86400_000 + 60 * 60_000);
    const original = await queued("invitation", [updates[0]!.customerId!]);
    expect(update.uid).toBe(parseIcs(original[0]!.attachments[0]!.content).uid);
    expect(updates.find((u) => u.customerId === booked!.id)!.text).toContain(
      formatDateTime(new Date(T + 86400_000), "Asia/Shanghai", "zh-CN"),
    );

    // The old reminder job finds the time changed; the new pair sends for the new time.
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt: T })).sent).toBe(0);
    const fresh = (await reminderJobs(sessionId)).filter((j) => j.dedupeKey?.endsWith(":1"));
    expect(fresh.map((j) => j.runAt.getTime()).sort()).toEqual(
      [T + 86400_000 - 24 * 3600_000, T + 86400_000 - 3600_000].sort(),
    );
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt: T + 86400_000 })).sent).toBe(
      1,
    );

    // And back: a time already announced is not announced again.
    const backLocal = instantToZonedWallTime(new Date(T), "Europe/London");
    const back = await rescheduleSession(staff.facilitator, {
      sessionId,
      startsAtLocal: backLocal,
      timeZone: "Europe/London",
      durationMinutes: 45,
    });
    expect(back.sequence).toBe(2);
    expect((await sendReminders({ sessionId, reminder: "day_before", startsAt: T })).sent).toBe(0);
    expect(await queued("reminder_day", [booked!.id])).toHaveLength(2);
    const last = (await queued("rescheduled", [waiting!.id])).map(
      (m) => parseIcs(m.attachments[0]!.content).sequence,
    );
    expect(last.sort()).toEqual([1, 2]);
  });

  it("cancelling sends METHOD:CANCEL over SMTP to every customer on the list and every staff attendee", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: inDays(8),
      timeZone: "America/New_York",
      seats: 1,
    });
    await addStaff(sessionId, staff.owner.userId);
    const guests = await newCustomers(3, { language: "en", timeZone: "America/New_York" });
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      guests.map((g) => g.id),
    );
    await rsvp(tokens[0]!);
    await rsvp(tokens[1]!); // waitlisted
    await deliverTo(guests.map((g) => g.email!));
    const before = smtp.received.length;
    const { notified } = await cancelSession(staff.facilitator, { sessionId });
    expect(notified).toEqual({ customers: 3, staff: 2 });
    const to = [...guests.map((g) => g.email!), staff.facilitator.email, staff.owner.email];
    const mails = (await deliverTo(to)).slice(0).filter((m) => smtp.received.indexOf(m) >= before);
    expect(mails).toHaveLength(5);
    const invs = await db.select().from(invitations).where(eq(invitations.sessionId, sessionId));
    for (const m of mails) {
      const ics = calendarOf(m);
      expect(ics.method).toBe("CANCEL");
      expect(ics.status).toBe("CANCELLED");
      expect(ics.sequence).toBe(1);
    }
    for (const g of guests) {
      const m = mails.find((x) => x.envelopeTo.includes(g.email!))!;
      expect(m.subject).toMatch(/^Cancelled:/);
      const inv = invs.find((i) => i.customerId === g.id)!;
      expect(calendarOf(m).uid).toBe(`invitation-${inv.id}@app.test`);
    }
    expect((await sessionRow(sessionId)).status).toBe("cancelled");
    await expect(cancelSession(staff.facilitator, { sessionId })).rejects.toThrow(/not started/);
    await expect(cancelSession(staff.executive, { sessionId })).rejects.toThrow(/not found/i);
  });
});

describe("waiting list", () => {
  it("promotes the earliest waitlisted customer when a booked one declines or withdraws, and emails them", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: inDays(4),
      timeZone: "Europe/London",
      seats: 2,
    });
    const people = await newCustomers(5, { language: "vi", timeZone: "Asia/Ho_Chi_Minh" });
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      people.map((p) => p.id),
    );
    await rsvp(tokens[0]!);
    await rsvp(tokens[1]!);
    expect((await rsvp(tokens[2]!)).status).toBe("waitlisted");
    expect((await rsvp(tokens[3]!)).status).toBe("waitlisted");
    expect((await rsvp(tokens[4]!)).status).toBe("waitlisted");

    await rsvp(tokens[0]!, DECLINE);
    let s = await statuses(sessionId);
    expect(s.get(people[0]!.id)).toBe("declined");
    expect(s.get(people[2]!.id)).toBe("accepted");
    expect(s.get(people[3]!.id)).toBe("waitlisted");
    const [promoted] = await queued("promoted", [people[2]!.id]);
    expect(promoted?.subject).toMatch(/^Bạn đã có chỗ/);
    const ics = parseIcs(promoted!.attachments[0]!.content);
    expect(ics.method).toBe("REQUEST");

    await withdrawCustomer(await actorFor(tokens[1]!));
    s = await statuses(sessionId);
    expect(s.get(people[1]!.id)).toBe("withdrawn");
    expect(s.get(people[3]!.id)).toBe("accepted");
    expect(s.get(people[4]!.id)).toBe("waitlisted");
    expect(await queued("promoted", [people[3]!.id])).toHaveLength(1);
    // A waitlisted customer declining frees no seat.
    await rsvp(tokens[4]!, DECLINE);
    expect(await countStatus(sessionId, "accepted")).toBe(2);
  });

  it("30 concurrent accepts for 10 seats: exactly 10 booked, 20 waitlisted; concurrent declines and accepts keep it full and never over", async () => {
    const sessionId = await newSession(staff.facilitator, {
      startsAtLocal: inDays(9),
      timeZone: "UTC",
      seats: 10,
    });
    const people = await newCustomers(36);
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      people.map((p) => p.id),
    );
    const results = await Promise.all(tokens.slice(0, 30).map((t) => rsvp(t)));
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(10);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(20);

    const s = await statuses(sessionId);
    const bookedTokens = tokens.slice(0, 30).filter((_, i) => s.get(people[i]!.id) === "accepted");
    await Promise.all([
      ...bookedTokens.slice(0, 5).map((t) => rsvp(t, DECLINE)),
      ...tokens.slice(30).map((t) => rsvp(t, ACCEPT)),
    ]);
    expect(await countStatus(sessionId, "accepted")).toBe(10);
    expect(await countStatus(sessionId, "waitlisted")).toBe(21);
    expect(
      await queued(
        "promoted",
        people.map((p) => p.id),
      ),
    ).toHaveLength(5);
  });
});

describe("no-shows", () => {
  it("after the end, booked guests never marked attended become no-shows, once; a facilitator's correction stands", async () => {
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(2), timeZone: "UTC" });
    const people = await newCustomers(3);
    const tokens = await invite(
      staff.facilitator,
      sessionId,
      people.map((p) => p.id),
    );
    for (const t of tokens) await rsvp(t);
    const [attended] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.sessionId, sessionId), eq(invitations.customerId, people[0]!.id)));
    await db.update(invitations).set({ status: "attended" }).where(eq(invitations.id, attended!.id));
    await expect(
      correctAttendance(staff.facilitator, { sessionId, invitationId: attended!.id, status: "no_show" }),
    ).rejects.toThrow(/once the session has ended/);
    await db.update(sessions).set({ status: "live" }).where(eq(sessions.id, sessionId));
    await endSession(staff.facilitator, { sessionId });

    const noShowJobs = (await db.select().from(jobs).where(eq(jobs.kind, NO_SHOW_JOB))).filter(
      (j) => (j.payload as { sessionId: string }).sessionId === sessionId,
    );
    expect(noShowJobs).toHaveLength(1);
    expect(noShowJobs[0]!.runAt.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);

    const runs = await Promise.all([markNoShows(sessionId), markNoShows(sessionId)]);
    expect(runs.map((r) => r.marked).sort()).toEqual([0, 2]);
    let s = await statuses(sessionId);
    expect(s.get(people[0]!.id)).toBe("attended");
    expect(s.get(people[1]!.id)).toBe("no_show");

    const [late] = await db
      .select()
      .from(invitations)
      .where(and(eq(invitations.sessionId, sessionId), eq(invitations.customerId, people[1]!.id)));
    await correctAttendance(staff.facilitator, { sessionId, invitationId: late!.id, status: "attended" });
    await expect(
      correctAttendance(staff.executive, { sessionId, invitationId: late!.id, status: "no_show" }),
    ).rejects.toThrow(/not found/i);
    expect((await markNoShows(sessionId)).marked).toBe(0);
    s = await statuses(sessionId);
    expect(s.get(people[1]!.id)).toBe("attended");
    expect(s.get(people[2]!.id)).toBe("no_show");
  });
});

describe("invite by tag or segment", () => {
  it("resolves the set on the server, skips those already invited, refuses more than one batch", async () => {
    const tag = `club-${crypto.randomUUID().slice(0, 6)}`;
    const segment = `seg-${crypto.randomUUID().slice(0, 6)}`;
    const tagged = await newCustomers(3, { tags: [tag, "other"] });
    const inSegment = await newCustomers(2, { segment });
    await newCustomers(2, { tags: ["other"] });
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(10), timeZone: "UTC" });

    const options = await customerFacets(staff.facilitator);
    expect(options.tags).toContain(tag);
    expect(options.segments).toContain(segment);
    expect((await inviteAudience(staff.facilitator, { sessionId, tag })).invited).toBe(3);
    expect((await inviteAudience(staff.facilitator, { sessionId, segment })).invited).toBe(2);
    await expect(inviteAudience(staff.facilitator, { sessionId, tag })).rejects.toThrow(/Nobody matches/);
    const invited = new Set((await statuses(sessionId)).keys());
    expect(invited).toEqual(new Set([...tagged, ...inSegment].map((c) => c.id)));
    await expect(inviteAudience(staff.agent, { sessionId, tag })).rejects.toThrow(/not found/i);

    const crowd = `crowd-${crypto.randomUUID().slice(0, 6)}`;
    await newCustomers(501, { tags: [crowd] });
    await expect(inviteAudience(staff.facilitator, { sessionId, tag: crowd })).rejects.toThrow(
      /More than 500/,
    );
    expect((await statuses(sessionId)).size).toBe(5);
  });
});

describe("links in later emails", () => {
  it("resolve to the invitation, and stop working when the invitation's link is revoked or re-issued", async () => {
    const sessionId = await newSession(staff.facilitator, { startsAtLocal: inDays(5), timeZone: "UTC" });
    const [g] = await newCustomers(1);
    const [token] = await invite(staff.facilitator, sessionId, [g!.id]);
    await rsvp(token!);
    const s = await sessionRow(sessionId);
    await sendReminders({ sessionId, reminder: "day_before", startsAt: s.startsAt.getTime() });
    const [mail] = await queued("reminder_day", [g!.id]);
    const link = /\/i\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect(link).not.toBe(token);
    const actor = await actorFor(link);
    await db
      .update(invitations)
      .set({ tokenHash: "re-issued" })
      .where(eq(invitations.id, actor.invitationId));
    await expect(actorFor(link)).rejects.toThrow(/does not resolve/);
  });
});
