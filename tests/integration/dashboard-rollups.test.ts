import "../support/test-env";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  rawActionCloseDaysSql,
  rawActionRollupsSql,
  rawReasonCodeRollupsSql,
  rawResponseRollupsSql,
} from "@/db/rollups-rebuild";
import {
  actionEvents,
  actions,
  customers,
  departments,
  insights,
  invitations,
  reasonCodes,
  roomNoteReasonCodes,
  roomNotes,
  sessions,
  surveys,
  users,
} from "@/db/schema";
import { LANGUAGES } from "@/lib/domain/languages";
import { SESSION_FORMATS } from "@/lib/domain/sessions";
import { seededRandom } from "@/lib/stats/random";
import { recordSurveySentInRollups } from "@/server/analytics/rollups/record-response";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
beforeAll(async () => {
  staff = await seededDb();
});

const DAY = 86_400_000;
const rows = async (q: ReturnType<typeof sql>) =>
  ((await db.all(q)) as Record<string, unknown>[])
    .map((r) => JSON.stringify(Object.values(r).map((v) => (typeof v === "bigint" ? Number(v) : v))))
    .sort();

/** The maintained tables, minus rows that went back to zero (a slice emptied by an erasure). */
async function maintained() {
  return {
    responses:
      await rows(sql`SELECT grain, bucket, format, segment, language, sent, responses, csat_count, nps_count, csat_satisfied,
      nps_promoters, nps_detractors, ces_count, ces_sum, ces_sum_squares FROM response_rollups
      WHERE sent != 0 OR responses != 0`),
    codes: await rows(
      sql`SELECT grain, bucket, reason_code_id, department_id, mentions FROM reason_code_rollups WHERE mentions != 0`,
    ),
    actions:
      await rows(sql`SELECT department_id, owner_id, open, closed, on_time, reopened FROM action_rollups
      WHERE open != 0 OR closed != 0 OR on_time != 0 OR reopened != 0`),
    closeDays: await rows(
      sql`SELECT department_id, owner_id, days, actions FROM action_close_days WHERE actions != 0`,
    ),
  };
}
async function raw() {
  return {
    responses: await rows(rawResponseRollupsSql()),
    codes: await rows(rawReasonCodeRollupsSql()),
    actions: await rows(sql`SELECT * FROM (${rawActionRollupsSql()})
      WHERE open != 0 OR closed != 0 OR on_time != 0 OR reopened != 0`),
    closeDays: await rows(rawActionCloseDaysSql()),
  };
}

describe("dashboard rollups", () => {
  it("equal the raw queries after random answers, late answers, erasures and note edits", async () => {
    const random = seededRandom(12);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    // The seed built the rollups from its rows.
    expect(await maintained()).toEqual(await raw());

    const now = Date.now();
    const segs = ["residential", "business", "vulnerable", null];
    const people = await db
      .insert(customers)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          name: `Rollup ${i}`,
          email: `rollup-${i}@example.test`,
          language: pick(LANGUAGES),
          segment: pick(segs),
        })),
      )
      .returning();
    const sessionRows = await db
      .insert(sessions)
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          title: `Rollup session ${i}`,
          format: pick(SESSION_FORMATS),
          status: "ended" as const,
          // Spread over 120 days, across week and month edges.
          startsAt: new Date(now - Math.floor(random() * 120) * DAY - Math.floor(random() * DAY)),
          timeZone: "UTC",
          facilitatorId: staff.facilitator.userId,
        })),
      )
      .returning();
    const sent: { surveyId: string; sessionId: string; customerId: string; invitationId: string }[] = [];
    for (const person of people) {
      for (const s of sessionRows.filter(() => random() < 0.3)) {
        const [inv] = await db
          .insert(invitations)
          .values({
            sessionId: s.id,
            customerId: person.id,
            status: "attended",
            tokenHash: crypto.randomUUID(),
            tokenExpiresAt: new Date(now + 30 * DAY),
          })
          .returning();
        if (!inv) throw new Error("no invitation");
        const survey = await db.transaction(async (tx) => {
          const [sv] = await tx
            .insert(surveys)
            .values({
              sessionId: s.id,
              invitationId: inv.id,
              tokenHash: crypto.randomUUID(),
              tokenExpiresAt: new Date(now + 30 * DAY),
              // Sent over 120 days, across week and month edges; answered in any order later.
              sentAt: new Date(now - Math.floor(random() * 120 * DAY)),
            })
            .returning();
          if (!sv) throw new Error("no survey");
          await recordSurveySentInRollups(tx, sv.id, person.language);
          return sv;
        });
        sent.push({ surveyId: survey.id, sessionId: s.id, customerId: person.id, invitationId: inv.id });
      }
    }
    // Answers in random order (so some sessions' answers come weeks "late"), some twice.
    const order = [...sent].sort(() => random() - 0.5);
    for (const s of order.slice(0, Math.floor(order.length * 0.7))) {
      const answer = {
        answers: { csat: 1 + Math.floor(random() * 5), nps: Math.floor(random() * 11) },
        final: true,
      };
      const respondent = { kind: "respondent" as const, surveyId: s.surveyId, sessionId: s.sessionId };
      await submitSurveyResponse(respondent, answer, pick(LANGUAGES));
      if (random() < 0.1) await submitSurveyResponse(respondent, answer, "en"); // a double submit
    }
    expect(await maintained()).toEqual(await raw());

    // Erasures: the answers stay, the segment goes.
    for (const person of people.filter(() => random() < 0.25)) {
      const one = sent.find((s) => s.customerId === person.id);
      if (!one) continue;
      await withdrawCustomer({
        kind: "customer",
        invitationId: one.invitationId,
        customerId: person.id,
        sessionId: one.sessionId,
      });
    }
    // Late answers after erasures, from people who were not erased.
    const erased = new Set(
      (
        await db.select({ id: customers.id }).from(customers).where(sql`${customers.erasedAt} IS NOT NULL`)
      ).map((c) => c.id),
    );
    for (const s of order.slice(Math.floor(order.length * 0.7)).filter((x) => !erased.has(x.customerId))) {
      await submitSurveyResponse(
        { kind: "respondent", surveyId: s.surveyId, sessionId: s.sessionId },
        { answers: { csat: 5, nps: 10 }, final: true },
        "vi",
      );
    }
    expect(await maintained()).toEqual(await raw());

    // Notes: tag, untag, move department, move time, delete (the triggers' paths).
    const codes = await db.select({ id: reasonCodes.id }).from(reasonCodes);
    const depts = await db.select({ id: departments.id }).from(departments);
    const notes = await db
      .insert(roomNotes)
      .values(
        Array.from({ length: 80 }, (_, i) => ({
          sessionId: pick(sessionRows).id,
          authorId: staff.facilitator.userId,
          kind: "quote" as const,
          text: `Note ${i}`,
          atSeconds: i,
          departmentId: random() < 0.2 ? null : pick(depts).id,
          createdAt: new Date(now - Math.floor(random() * 90 * DAY)),
        })),
      )
      .returning();
    for (const n of notes) {
      const chosen = [...new Set([pick(codes).id, pick(codes).id])];
      await db
        .insert(roomNoteReasonCodes)
        .values(chosen.map((reasonCodeId) => ({ noteId: n.id, reasonCodeId })));
    }
    expect(await maintained()).toEqual(await raw());
    for (const n of notes.slice(0, 10)) {
      await db.delete(roomNoteReasonCodes).where(eq(roomNoteReasonCodes.noteId, n.id));
    }
    for (const n of notes.slice(10, 25)) {
      await db
        .update(roomNotes)
        .set({ departmentId: random() < 0.3 ? null : pick(depts).id })
        .where(eq(roomNotes.id, n.id));
    }
    for (const n of notes.slice(25, 30)) {
      await db
        .update(roomNotes)
        .set({ createdAt: new Date(n.createdAt.getTime() - 40 * DAY) })
        .where(eq(roomNotes.id, n.id));
    }
    await db.delete(roomNotes).where(
      inArray(
        roomNotes.id,
        notes.slice(30, 45).map((n) => n.id),
      ),
    );
    // One code removed from a note that keeps another.
    const [link] = await db
      .select()
      .from(roomNoteReasonCodes)
      .where(
        inArray(
          roomNoteReasonCodes.noteId,
          notes.slice(45).map((n) => n.id),
        ),
      )
      .limit(1);
    if (link)
      await db
        .delete(roomNoteReasonCodes)
        .where(
          and(
            eq(roomNoteReasonCodes.noteId, link.noteId),
            eq(roomNoteReasonCodes.reasonCodeId, link.reasonCodeId),
          ),
        );
    expect(await maintained()).toEqual(await raw());
  });

  it("keep the scorecards equal to the actions after creating, moving, reopening and deleting", async () => {
    const random = seededRandom(34);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const depts = await db.select({ id: departments.id }).from(departments);
    const people = await db.select({ id: users.id }).from(users);
    const [insight] = await db.select({ id: insights.id }).from(insights).limit(1);
    const DAYMS = 86_400_000;
    const now = Date.now();
    const made = await db
      .insert(actions)
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          insightId: insight?.id ?? "",
          departmentId: pick(depts).id,
          ownerId: pick(people).id,
          title: `Rollup action ${i}`,
          deadline: new Date(now + (random() * 40 - 20) * DAYMS),
          createdAt: new Date(now - random() * 60 * DAYMS),
        })),
      )
      .returning();
    for (const a of made) {
      const r = random();
      if (r < 0.6) {
        const doneAt = new Date(a.createdAt.getTime() + random() * 30 * DAYMS);
        await db
          .update(actions)
          .set({ status: r < 0.3 ? "done" : "verified", doneAt })
          .where(eq(actions.id, a.id));
        if (random() < 0.3) {
          await db
            .insert(actionEvents)
            .values({ actionId: a.id, actorId: pick(people).id, fromStatus: "done", toStatus: "open" });
          await db.update(actions).set({ status: "open", doneAt: null }).where(eq(actions.id, a.id));
        }
      } else if (r < 0.8) await db.update(actions).set({ status: "in_progress" }).where(eq(actions.id, a.id));
      if (random() < 0.15)
        await db
          .update(actions)
          .set({ ownerId: pick(people).id, departmentId: pick(depts).id })
          .where(eq(actions.id, a.id));
    }
    await db.delete(actions).where(
      inArray(
        actions.id,
        made.slice(0, 8).map((a) => a.id),
      ),
    );
    const { actions: m, closeDays: cm } = await maintained();
    const { actions: w, closeDays: cw } = await raw();
    expect(m).toEqual(w);
    expect(cm).toEqual(cw);
  });
});
