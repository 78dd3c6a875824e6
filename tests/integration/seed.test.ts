// The demo seed on a real libSQL file: the shape a newcomer (and the other tests) rely on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import {
  actionEvents,
  actions,
  consents,
  customers,
  departmentMembers,
  departments,
  insightEvidence,
  insightReasonCodes,
  insights,
  invitations,
  reasonCodes,
  roomAttendance,
  roomNoteReasonCodes,
  roomNotes,
  roomQuestions,
  sessionStaff,
  sessions,
  speedDatingRotation,
  speedDatingSeats,
  surveyResponses,
  surveys,
  users,
} from "@/db/schema";
import { mulberry32, seedDemo } from "@/db/seed";
import { freshDatabaseUrl } from "@/tests/support/test-database";

const DAY = 86_400_000;
const NOW = new Date("2026-11-20T12:34:56Z");
const dir = mkdtempSync(path.join(tmpdir(), "immersion-seed-"));
const opened: Client[] = [];

async function freshDb(name: string): Promise<Db> {
  const url = await freshDatabaseUrl(path.join(dir, name));
  const { client, db } = openDb(url);
  opened.push(client);
  await migrateDatabase(db);
  return db;
}

let db: Db;
let seedMs = 0;

beforeAll(async () => {
  db = await freshDb("seed.db");
  const t = performance.now();
  expect(await seedDemo(db, { now: NOW })).toEqual({ created: true });
  seedMs = performance.now() - t;
});

afterAll(() => {
  for (const c of opened) c.close();
  rmSync(dir, { recursive: true, force: true });
});

const ms = (d: Date | null | undefined) => d?.getTime() ?? Number.NaN;

describe("mulberry32", () => {
  it("is deterministic and uniform enough", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe("the demo seed", () => {
  it("is quick", () => {
    expect(seedMs).toBeLessThan(10_000);
  });

  it("has staff in every role with the fixed demo emails", async () => {
    const staff = await db.select().from(users);
    const byEmail = new Map(staff.map((u) => [u.email, u]));
    const fixed = {
      "admin@northwind.example": ["Ada Admin", "admin"],
      "facilitator@northwind.example": ["Farah Facilitator", "facilitator"],
      "executive@northwind.example": ["Evan Executive", "executive"],
      "agent@northwind.example": ["Amira Agent", "agent"],
      "owner@northwind.example": ["Olu Owner", "agent"],
    } as const;
    for (const [email, [name, role]] of Object.entries(fixed)) {
      expect(byEmail.get(email), email).toMatchObject({ name, role, active: true });
    }
    expect(byEmail.get("facilitator@northwind.example")?.trainedForVulnerable).toBe(true);
    expect(byEmail.get("agent@northwind.example")?.trainedForVulnerable).toBe(true);
    expect(new Set(staff.map((u) => u.role))).toEqual(
      new Set(["admin", "facilitator", "executive", "agent"]),
    );
    expect(staff.length).toBeGreaterThanOrEqual(15);
    expect(new Set(staff.map((u) => u.timeZone)).size).toBeGreaterThanOrEqual(4);
  });

  it("gives every department an owner, and Olu owns Billing", async () => {
    const depts = await db.select().from(departments);
    expect(depts.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        "Billing",
        "Field Service",
        "Contact Centre",
        "Customer Relations",
        "Metering",
      ]),
    );
    expect(depts.length).toBeGreaterThanOrEqual(6);
    const members = await db.select().from(departmentMembers);
    for (const d of depts)
      expect(
        members.some((m) => m.departmentId === d.id && m.isOwner),
        d.name,
      ).toBe(true);
    const olu = await db.query.users.findFirst({
      where: (u, { eq }) => eq(u.email, "owner@northwind.example"),
    });
    const billing = depts.find((d) => d.name === "Billing");
    expect(members).toContainEqual({ departmentId: billing?.id, userId: olu?.id, isOwner: true });
  });

  it("has ≥40 customers in three languages, on reserved domains, some with accessibility needs", async () => {
    const rows = await db.select().from(customers);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rows.map((c) => c.language))).toEqual(new Set(["en", "zh", "vi"]));
    for (const c of rows) {
      expect(c.email).toMatch(/@example\.(com|net)$/);
      expect(c.name).toBeTruthy();
      expect(c.phone).toBeTruthy();
      expect(["residential", "small-business", "priority-services"]).toContain(c.segment);
    }
    expect(new Set(rows.map((c) => c.email)).size).toBe(rows.length);
    expect(rows.filter((c) => c.accessibilityNotes).length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((c) => c.tags.includes("elderly")).length).toBeGreaterThan(0);
    expect(new Set(rows.map((c) => c.timeZone)).size).toBeGreaterThanOrEqual(3);
  });

  it("has past, upcoming, draft and cancelled sessions, none live, each with staff and invitations", async () => {
    const rows = await db.select().from(sessions);
    const statuses = new Set(rows.map((s) => s.status));
    for (const s of ["ended", "scheduled", "draft", "cancelled"]) expect(statuses).toContain(s);
    expect(statuses).not.toContain("live");
    expect(new Set(rows.map((s) => s.format))).toEqual(
      new Set(["story_circle", "panel", "speed_dating", "mass_online"]),
    );
    const staff = await db.select().from(sessionStaff);
    const invs = await db.select().from(invitations);
    for (const s of rows) {
      if (s.status === "ended") {
        expect(ms(s.startedAt)).toBeGreaterThanOrEqual(ms(s.startsAt));
        expect(ms(s.endedAt)).toBeGreaterThan(ms(s.startedAt));
        expect(ms(s.endedAt)).toBeLessThan(NOW.getTime());
      } else {
        expect(s.startedAt).toBeNull();
        expect(s.endedAt).toBeNull();
      }
      if (s.status === "scheduled" || s.status === "draft")
        expect(ms(s.startsAt)).toBeGreaterThan(NOW.getTime());
      expect(ms(s.createdAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(staff).toContainEqual({ sessionId: s.id, userId: s.facilitatorId, roomRole: "facilitator" });
      const mine = invs.filter((i) => i.sessionId === s.id);
      expect(mine.length, s.title).toBeGreaterThanOrEqual(6);
      expect(mine.length, s.title).toBeLessThanOrEqual(12);
      const seated = mine.filter((i) => ["accepted", "attended", "no_show"].includes(i.status)).length;
      expect(seated, s.title).toBeLessThanOrEqual(s.seats);
    }
  });

  it("has invitations in realistic states with unguessable hashed links and consents", async () => {
    const rows = await db
      .select({ inv: invitations, session: sessions, language: customers.language })
      .from(invitations)
      .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
      .innerJoin(customers, eq(customers.id, invitations.customerId));
    const allowed: Record<string, string[]> = {
      ended: ["attended", "no_show", "declined", "waitlisted"],
      scheduled: ["invited", "accepted", "declined", "waitlisted"],
      draft: ["invited"],
      cancelled: ["invited", "accepted", "declined"],
    };
    const seen = new Set(rows.map((r) => r.inv.status));
    for (const st of ["invited", "accepted", "declined", "waitlisted", "attended", "no_show"])
      expect(seen).toContain(st);
    const hashes = new Set<string>();
    for (const { inv, session } of rows) {
      expect(allowed[session.status]).toContain(inv.status);
      expect(inv.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      hashes.add(inv.tokenHash);
      if (session.status === "scheduled") expect(ms(inv.tokenExpiresAt)).toBeGreaterThan(NOW.getTime());
      if (session.status === "cancelled") expect(inv.tokenRevokedAt).not.toBeNull();
      expect(inv.respondedAt === null).toBe(inv.status === "invited");
    }
    expect(hashes.size).toBe(rows.length);
    expect(rows.some((r) => r.inv.accommodations.length > 0)).toBe(true);

    const given = await db.select().from(consents);
    const langOf = new Map(rows.map((r) => [r.inv.id, r.language]));
    for (const r of rows.filter((x) => ["accepted", "attended"].includes(x.inv.status))) {
      const mine = given.filter((g) => g.invitationId === r.inv.id);
      expect(mine.find((g) => g.purpose === "participate")?.granted).toBe(true);
      expect(mine.map((g) => g.purpose)).toEqual(
        expect.arrayContaining(["quote_anonymously", "contact_after"]),
      );
    }
    for (const g of given) {
      expect(g.textVersion).toBe("2026-11-v1");
      expect(g.language).toBe(langOf.get(g.invitationId));
    }
    expect(new Set(given.filter((g) => g.purpose === "contact_after").map((g) => g.granted))).toEqual(
      new Set([true, false]),
    );
  });

  it("records room attendance for every attendee, and a backroom for the first story circle", async () => {
    const attended = await db.select().from(invitations).where(eq(invitations.status, "attended"));
    const rows = await db.select().from(roomAttendance);
    const byInvitation = new Map(rows.map((r) => [r.invitationId, r]));
    const span = new Map(
      (await db.select().from(sessions)).map((s) => [s.id, [ms(s.startedAt), ms(s.endedAt)]]),
    );
    for (const a of attended) {
      const r = byInvitation.get(a.id);
      expect(r?.sessionId).toBe(a.sessionId);
      const [start, end] = span.get(a.sessionId)!;
      expect(ms(r?.joinedAt)).toBeGreaterThanOrEqual(start!);
      expect(ms(r?.leftAt)).toBeLessThanOrEqual(end!);
      expect(r?.durationSeconds).toBe(Math.round((ms(r?.leftAt) - ms(r?.joinedAt)) / 1000));
    }
    const questions = await db.select().from(roomQuestions);
    const merged = questions.find((q) => q.status === "merged");
    expect(questions.find((q) => q.id === merged?.mergedIntoId)?.status).toBe("asked");
    const notes = await db.select().from(roomNotes);
    expect(notes.length).toBeGreaterThan(0);
    // The backroom's own notes are in that session; the dashboard's ten weeks of tagged notes
    // (db/seed-dashboard.ts) are spread over the ended sessions.
    expect(notes.filter((n) => n.sessionId === merged?.sessionId).length).toBeGreaterThanOrEqual(3);
    const ended = new Set(
      (await db.select().from(sessions)).filter((s) => s.status === "ended").map((s) => s.id),
    );
    expect(notes.every((n) => ended.has(n.sessionId))).toBe(true);
    expect((await db.select().from(roomNoteReasonCodes)).length).toBeGreaterThanOrEqual(notes.length);
  });

  it("surveys every attendee of a past session, with ~70% answered in range and in time", async () => {
    const attended = await db.select().from(invitations).where(eq(invitations.status, "attended"));
    const sent = await db.select().from(surveys);
    const byInvitation = new Map(sent.filter((s) => s.invitationId).map((s) => [s.invitationId, s]));
    for (const a of attended) expect(byInvitation.has(a.id)).toBe(true);
    const endOf = new Map((await db.select().from(sessions)).map((s) => [s.id, s.endedAt]));
    for (const s of sent) {
      expect(ms(s.sentAt)).toBeGreaterThan(ms(endOf.get(s.sessionId)));
      expect(ms(s.tokenExpiresAt)).toBeGreaterThan(ms(s.sentAt));
      expect(s.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    }
    const answers = await db.select().from(surveyResponses);
    const surveyOf = new Map(sent.map((s) => [s.id, s]));
    expect(answers.length).toBeGreaterThanOrEqual(300);
    const rate = answers.length / sent.length;
    expect(rate).toBeGreaterThan(0.6);
    expect(rate).toBeLessThan(0.8);
    for (const r of answers) {
      expect(r.csat).toBeGreaterThanOrEqual(1);
      expect(r.csat).toBeLessThanOrEqual(5);
      expect(r.nps).toBeGreaterThanOrEqual(0);
      expect(r.nps).toBeLessThanOrEqual(10);
      const survey = surveyOf.get(r.surveyId);
      expect(survey?.sessionId).toBe(r.sessionId);
      expect(ms(r.createdAt)).toBeGreaterThanOrEqual(ms(survey?.sentAt));
      expect(ms(r.createdAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(ms(r.createdAt)).toBeGreaterThan(NOW.getTime() - 13 * 7 * DAY);
    }
    // Scores are correlated: happy customers recommend, unhappy ones do not.
    const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const npsWhere = (f: (csat: number) => boolean) =>
      answers.flatMap((r) => (r.csat !== null && r.nps !== null && f(r.csat) ? [r.nps] : []));
    expect(avg(npsWhere((c) => c >= 4))).toBeGreaterThan(avg(npsWhere((c) => c <= 2)) + 4);
    expect(new Set(answers.filter((r) => r.comment).map((r) => r.language))).toEqual(
      new Set(["en", "zh", "vi"]),
    );
    // Twelve weeks of history, every week represented.
    const weeks = new Set(answers.map((r) => Math.floor((NOW.getTime() - ms(r.createdAt)) / (7 * DAY))));
    for (let w = 0; w < 11; w++) expect(weeks).toContain(w);
  });

  it("has numbered reason codes and insights on all four cells of the grid, with evidence", async () => {
    const codes = await db.select().from(reasonCodes);
    expect(codes.map((c) => c.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: codes.length }, (_, i) => i + 1),
    );
    expect(codes.length).toBeGreaterThanOrEqual(12);
    expect(codes.filter((c) => !c.active).length).toBeGreaterThanOrEqual(1);
    expect(codes.every((c) => c.label && c.example)).toBe(true);

    const rows = await db.select().from(insights);
    expect(new Set(rows.map((i) => `${i.customerAxis}/${i.companyAxis}`))).toEqual(
      new Set(["value/value", "value/irritant", "irritant/value", "irritant/irritant"]),
    );
    const links = await db.select().from(insightReasonCodes);
    const evidence = await db.select().from(insightEvidence);
    const comments = new Map((await db.select().from(surveyResponses)).map((r) => [r.id, r.comment]));
    for (const i of rows) {
      expect(
        links.some((l) => l.insightId === i.id),
        i.title,
      ).toBe(true);
      expect(i.contactsPerMonth).toBeGreaterThan(0);
      expect(i.handlingMinutes).toBeGreaterThan(0);
      expect(i.hourlyCost).toBeGreaterThan(0);
      const mine = evidence.filter((e) => e.insightId === i.id);
      expect(
        mine.some((e) => e.responseId),
        i.title,
      ).toBe(true);
      for (const e of mine) if (e.responseId) expect(comments.get(e.responseId)).toBe(e.quote);
    }
    expect(evidence.some((e) => e.responseId === null)).toBe(true);
  });

  it("has actions in every state, owned by members of their department, with consistent timelines", async () => {
    const rows = await db.select().from(actions);
    const members = await db.select().from(departmentMembers);
    const events = await db.select().from(actionEvents);
    expect(new Set(rows.map((a) => a.status))).toEqual(new Set(["open", "in_progress", "done", "verified"]));
    const overdueOpen = rows.filter((a) => a.status === "open" && ms(a.deadline) < NOW.getTime());
    expect(overdueOpen.length).toBeGreaterThan(0);
    expect(
      rows.some((a) => a.status !== "done" && a.status !== "verified" && ms(a.deadline) > NOW.getTime()),
    ).toBe(true);
    expect(new Set(rows.map((a) => a.departmentId)).size).toBeGreaterThanOrEqual(5);
    for (const a of rows) {
      expect(
        members.some((m) => m.departmentId === a.departmentId && m.userId === a.ownerId),
        a.title,
      ).toBe(true);
      const done = a.status === "done" || a.status === "verified";
      if (done) {
        expect(a.resolutionNote).toBeTruthy();
        expect(ms(a.doneAt)).toBeLessThanOrEqual(NOW.getTime());
      } else expect(a.doneAt).toBeNull();
      if (a.status === "verified") expect(ms(a.verifiedAt)).toBeGreaterThan(ms(a.doneAt));
      else expect(a.verifiedAt).toBeNull();

      const timeline = events
        .filter((e) => e.actionId === a.id)
        .sort((x, y) => ms(x.createdAt) - ms(y.createdAt));
      expect(timeline[0]).toMatchObject({ fromStatus: null, toStatus: "open" });
      expect(ms(timeline[0]?.createdAt)).toBe(ms(a.createdAt));
      timeline.forEach((e, i) => {
        if (i > 0) expect(e.fromStatus).toBe(timeline[i - 1]?.toStatus);
        expect(ms(e.createdAt)).toBeLessThanOrEqual(NOW.getTime());
      });
      expect(timeline.at(-1)?.toStatus).toBe(a.status);
    }
  });

  it("keeps the balanced seating and one rotation slot per staff member of the ended speed-dating session", async () => {
    const ended = (await db.select().from(sessions)).filter(
      (s) => s.format === "speed_dating" && s.status === "ended",
    );
    expect(ended.length).toBeGreaterThan(0);
    for (const s of ended) {
      const seats = await db.select().from(speedDatingSeats).where(eq(speedDatingSeats.sessionId, s.id));
      const attended = (await db.select().from(invitations).where(eq(invitations.sessionId, s.id))).filter(
        (i) => i.status === "attended",
      );
      expect(seats).toHaveLength(attended.length);
      const sizes = Array.from(
        { length: s.tableCount! },
        (_, t) => seats.filter((x) => x.tableIndex === t).length,
      );
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const slots = await db
        .select()
        .from(speedDatingRotation)
        .where(eq(speedDatingRotation.sessionId, s.id));
      const staff = await db.select().from(sessionStaff).where(eq(sessionStaff.sessionId, s.id));
      expect(slots.map((x) => x.slot).sort()).toEqual(
        staff.filter((x) => x.roomRole !== "facilitator").map((_, i) => i),
      );
    }
  });

  it("does nothing the second time", async () => {
    const count = async () => ({
      users: (await db.select().from(users)).length,
      customers: (await db.select().from(customers)).length,
      responses: (await db.select().from(surveyResponses)).length,
      actions: (await db.select().from(actions)).length,
    });
    const before = await count();
    expect(await seedDemo(db)).toEqual({ created: false });
    expect(await count()).toEqual(before);
  });

  it("tells the same story when reseeded, shifted with `now`", async () => {
    const later = new Date(NOW.getTime() + 3 * DAY);
    const other = await freshDb("again.db");
    await seedDemo(other, { now: later });
    const story = async (d: Db, now: Date) => {
      const rel = (x: Date | null) => (x ? x.getTime() - now.getTime() : null);
      const responses = await d.select().from(surveyResponses);
      const acts = await d.select().from(actions);
      const invs = await d
        .select({ status: invitations.status, email: customers.email, title: sessions.title })
        .from(invitations)
        .innerJoin(customers, eq(customers.id, invitations.customerId))
        .innerJoin(sessions, eq(sessions.id, invitations.sessionId));
      return {
        responses: responses
          .map((r) => [r.csat, r.nps, r.comment, r.language, rel(r.createdAt)].join("|"))
          .sort(),
        actions: acts.map((a) => [a.title, a.status, rel(a.deadline), rel(a.doneAt)].join("|")).sort(),
        invitations: invs.map((i) => `${i.title}|${i.email}|${i.status}`).sort(),
      };
    };
    expect(await story(other, later)).toEqual(await story(db, NOW));
  });
});
