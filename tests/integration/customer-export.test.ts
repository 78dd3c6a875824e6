// The export of one customer is complete and holds nobody else's data. The first test walks the
// drizzle schema's foreign keys from `customers` (and through every table that refers to them:
// invitations, surveys, answers, notes …) so a new table that refers to a customer cannot be
// forgotten: it must be exported or left out with a reason. The second fills every one of those
// tables for two customers and checks that the export of one has all of theirs and none of the other's.
import "../support/test-env";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import * as schema from "@/db/schema";
import { EXPORTED_TABLES, exportCustomer, NOT_EXPORTED } from "@/server/customers/export-customer";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

const tables = (Object.values(schema) as unknown[])
  .filter((t): t is SQLiteTable => t instanceof SQLiteTable)
  .map((t) => getTableConfig(t));

/** Tables that refer to a customer: `customers`, and every table with a foreign key into one of them. */
function tablesAboutACustomer(): Set<string> {
  const found = new Set(["customers"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of tables) {
      if (found.has(t.name)) continue;
      const refersTo = t.foreignKeys.map((f) => getTableConfig(f.reference().foreignTable).name);
      if (refersTo.some((name) => found.has(name))) {
        found.add(t.name);
        grew = true;
      }
    }
  }
  // Refers to customers by id without a foreign key (resource ids of any kind).
  found.add("audit_log");
  return found;
}

describe("the export of one customer", () => {
  it("covers every table that refers to a customer (from the schema's foreign keys)", () => {
    const about = [...tablesAboutACustomer()].sort();
    const covered = new Set<string>([...EXPORTED_TABLES, ...Object.keys(NOT_EXPORTED)]);
    expect(about.filter((t) => !covered.has(t))).toEqual([]);
    // And the lists name real tables that do refer to a customer (no stale entries).
    expect([...covered].filter((t) => !about.includes(t))).toEqual([]);
    expect(about.length).toBeGreaterThanOrEqual(19);
  });

  it("holds all of one customer's rows in every table and none of another's", async () => {
    const session = (await db.query.sessions.findFirst())!;
    const insight = (await db.query.insights.findFirst())!;
    const action = (await db.query.actions.findFirst())!;
    const code = (await db.query.reasonCodes.findFirst())!;
    const by = staff.facilitator.userId;
    const rand = () => crypto.randomUUID();

    async function fill(mark: string) {
      const [c] = await db
        .insert(schema.customers)
        .values({ name: `Name ${mark}`, email: `${mark.toLowerCase()}@example.com`, language: "vi" })
        .returning();
      const customerId = c!.id;
      const [inv] = await db
        .insert(schema.invitations)
        .values({
          sessionId: session.id,
          customerId,
          tokenHash: rand(),
          tokenExpiresAt: new Date(Date.now() + 1e9),
        })
        .returning();
      const invitationId = inv!.id;
      await db.insert(schema.invitationLinks).values({
        invitationId,
        tokenHash: rand(),
        issuedWith: inv!.tokenHash,
        expiresAt: new Date(Date.now() + 1e9),
      });
      await db.insert(schema.consents).values({
        invitationId,
        purpose: "participate",
        granted: true,
        textVersion: `v-${mark}`,
        language: "vi",
      });
      const [survey] = await db
        .insert(schema.surveys)
        .values({
          sessionId: session.id,
          invitationId,
          tokenHash: rand(),
          tokenExpiresAt: new Date(Date.now() + 1e9),
          sentAt: new Date(),
        })
        .returning();
      const [response] = await db
        .insert(schema.surveyResponses)
        .values({
          surveyId: survey!.id,
          sessionId: session.id,
          csat: 4,
          comment: `answer ${mark}`,
          language: "vi",
        })
        .returning();
      const [note] = await db
        .insert(schema.roomNotes)
        .values({
          sessionId: session.id,
          authorId: by,
          kind: "quote",
          text: `room note ${mark}`,
          atSeconds: 5,
          customerId,
        })
        .returning();
      await db.insert(schema.roomNoteReasonCodes).values({ noteId: note!.id, reasonCodeId: code.id });
      const [heard] = await db
        .insert(schema.listeningNotes)
        .values({
          authorId: by,
          heardAt: new Date(),
          channel: "phone",
          kind: "summary",
          text: `heard ${mark}`,
          customerId,
        })
        .returning();
      await db.insert(schema.listeningNoteReasonCodes).values({ noteId: heard!.id, reasonCodeId: code.id });
      await db.insert(schema.insightEvidence).values([
        {
          insightId: insight.id,
          source: "survey",
          responseId: response!.id,
          quote: `evidence answer ${mark}`,
        },
        { insightId: insight.id, source: "room_note", roomNoteId: note!.id, quote: `evidence note ${mark}` },
      ]);
      await db.insert(schema.moderationEvents).values({
        sessionId: session.id,
        invitationId,
        customerId,
        step: "warning_1",
        category: "interrupting",
        note: `moderation ${mark}`,
        actedById: by,
      });
      await db.insert(schema.roomAttendance).values({
        sessionId: session.id,
        participantSid: `PA_${mark}`,
        identity: `customer_${invitationId}`,
        invitationId,
        joinedAt: new Date(),
        durationSeconds: 600,
      });
      await db
        .insert(schema.changeMessages)
        .values({ actionId: action.id, customerId, invitationId, language: "vi" });
      await db.insert(schema.surveyCaps).values({ customerId, lastSentAt: new Date() });
      await db.insert(schema.speedDatingSeats).values({ sessionId: session.id, invitationId, tableIndex: 2 });
      await db.insert(schema.storyTurns).values({ sessionId: session.id, invitationId, position: 1 });
      await db
        .insert(schema.reminderDeliveries)
        .values({ invitationId, kind: "day_before", startsAt: session.startsAt });
      await db.insert(schema.outbox).values({
        kind: "invite",
        toAddress: `${mark.toLowerCase()}@example.com`,
        subject: `mail ${mark}`,
        text: "t",
        html: "h",
        messageId: `<${rand()}@test>`,
        customerId,
      });
      await db.insert(schema.auditLog).values({
        actorType: "staff",
        actorId: by,
        action: "read",
        resourceType: "customer",
        resourceId: customerId,
      });
      return { customerId, invitationId };
    }

    const mine = await fill("MINE");
    const other = await fill("OTHER");
    const data = await exportCustomer(staff.admin, mine.customerId);
    const json = JSON.stringify(data);

    // Nobody else's data: not the other customer's ids, marks or address.
    for (const leak of [other.customerId, other.invitationId, "OTHER", "other@example.com"])
      expect(json).not.toContain(leak);
    // All of mine, table by table.
    expect(data.customer).toMatchObject({ name: "Name MINE", email: "mine@example.com" });
    const [inv] = data.invitations.filter((i) => i.id === mine.invitationId);
    expect(inv?.consents).toEqual([
      expect.objectContaining({ textVersion: "v-MINE", purpose: "participate" }),
    ]);
    expect(inv?.survey).toMatchObject({ csat: 4, comment: "answer MINE" });
    expect(inv?.speedDatingSeats).toEqual([{ tableIndex: 2 }]);
    expect(inv?.storyTurns).toEqual([expect.objectContaining({ position: 1 })]);
    expect(inv?.remindersSent).toEqual([expect.objectContaining({ kind: "day_before" })]);
    expect(data.roomNotes).toEqual([
      expect.objectContaining({
        text: "room note MINE",
        reasonCodes: [{ code: code.number, label: code.label }],
      }),
    ]);
    expect(data.listeningNotes).toEqual([
      expect.objectContaining({
        text: "heard MINE",
        reasonCodes: [{ code: code.number, label: code.label }],
      }),
    ]);
    expect(data.insightEvidence.map((e) => e.quote).sort()).toEqual([
      "evidence answer MINE",
      "evidence note MINE",
    ]);
    expect(data.moderationEvents).toEqual([
      expect.objectContaining({ step: "warning_1", note: "moderation MINE" }),
    ]);
    expect(data.roomAttendance).toEqual([expect.objectContaining({ durationSeconds: 600 })]);
    expect(data.changeMessages).toHaveLength(1);
    expect(data.lastSurveySentAt).toBeInstanceOf(Date);
    expect(data.emails.map((e) => e.subject)).toEqual(["mail MINE"]);
    expect(data.accessLog.map((a) => a.action)).toEqual(["read"]);
    // Staff stay out of it: no author, moderator or reader ids.
    expect(json).not.toContain(staff.facilitator.userId);
    // The readable summary on top.
    expect(data.summary[0]).toContain("Everything held about Name MINE (mine@example.com)");
    expect(data.summary.join("\n")).toContain("1 note taken by staff, 1 moderation event");
  });
});
