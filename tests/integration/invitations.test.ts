import "../support/test-env";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { consents, customers, invitations, outbox } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";
import { checkpointedFileBytes } from "../support/test-database";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

const inAWeek = () => instantToZonedWallTime(new Date(Date.now() + 7 * 86400_000), "Europe/London");

async function sessionWithInvites(seats: number, count: number) {
  const { id } = await createSession(staff.facilitator, {
    title: `Capacity ${seats}`,
    description: "",
    format: "story_circle",
    startsAtLocal: inAWeek(),
    timeZone: "Europe/London",
    durationMinutes: 45,
    seats,
    observersHidden: true,
  });
  const people = await db.select({ id: customers.id }).from(customers).limit(count);
  await inviteCustomers(staff.facilitator, { sessionId: id, customerIds: people.map((p) => p.id) });
  const mails = await db
    .select({ text: outbox.text, customerId: outbox.customerId })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, "invitation"),
        inArray(
          outbox.customerId,
          people.map((p) => p.id),
        ),
      ),
    );
  const tokens: string[] = [];
  for (const m of mails) {
    const inv = await db.query.invitations.findFirst({
      where: and(eq(invitations.sessionId, id), eq(invitations.customerId, m.customerId ?? "")),
    });
    const token = /\/i\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1];
    if (inv && token && (await resolveInvitationToken(token))?.invitation.id === inv.id) tokens.push(token);
  }
  return { sessionId: id, tokens };
}

const accept = {
  decision: "accept" as const,
  participate: true,
  quoteAnonymously: true,
  record: false,
  contactAfter: false,
  accommodations: [],
  accommodationOther: "",
};

beforeAll(async () => {
  staff = await seededDb();
});

describe("invitations", () => {
  it("emails a personal link built from APP_URL whose token is stored only as a hash", async () => {
    const { sessionId, tokens } = await sessionWithInvites(10, 3);
    expect(tokens).toHaveLength(3);
    const rows = await db.select().from(invitations).where(eq(invitations.sessionId, sessionId));
    for (const t of tokens) {
      expect(t.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
      expect(rows.some((r) => r.tokenHash === t)).toBe(false);
    }
    const mail = await db.query.outbox.findFirst({ where: eq(outbox.kind, "invitation") });
    expect(mail?.text).toContain("http://app.test:3000/i/");
    expect(mail?.html).toContain("http://app.test:3000/i/");
  });

  it("never exceeds capacity under concurrent RSVPs and waitlists the rest", async () => {
    const { sessionId, tokens } = await sessionWithInvites(3, 10);
    expect(tokens).toHaveLength(10);
    const results = await Promise.all(
      tokens.map(async (t) => {
        const row = await resolveInvitationToken(t);
        return respondToInvitation(customerActorOf(row!), accept, "en");
      }),
    );
    expect(results.filter((r) => r.status === "accepted")).toHaveLength(3);
    expect(results.filter((r) => r.status === "waitlisted")).toHaveLength(7);
    const [booked] = await db
      .select({ n: sql<number>`count(*)` })
      .from(invitations)
      .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, "accepted")));
    expect(booked?.n).toBe(3);
  });

  it("stores each consent separately with text version, language and time; refuses to book without consent", async () => {
    const { tokens } = await sessionWithInvites(10, 1);
    const row = (await resolveInvitationToken(tokens[0]!))!;
    const actor = customerActorOf(row);
    await expect(respondToInvitation(actor, { ...accept, participate: false }, "vi")).rejects.toThrow(
      /participateRequired/,
    );
    await respondToInvitation(
      actor,
      { ...accept, accommodations: ["captions", "large_text"], accommodationOther: "Phiên dịch tiếng Việt" },
      "vi",
    );
    const given = await db.select().from(consents).where(eq(consents.invitationId, actor.invitationId));
    expect(given.map((c) => [c.purpose, c.granted]).sort()).toEqual(
      [
        ["contact_after", false],
        ["participate", true],
        ["quote_anonymously", true],
      ].sort(),
    );
    for (const c of given) {
      expect(c.textVersion).toBe("2026-11-v1");
      expect(c.language).toBe("vi");
      expect(c.createdAt).toBeInstanceOf(Date);
    }
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, actor.invitationId) });
    expect(inv?.accommodations).toEqual(["captions", "large_text"]);
    expect(inv?.accommodationOther).toBe("Phiên dịch tiếng Việt");
  });

  it("rejects malformed, unknown and revoked links alike", async () => {
    expect(await resolveInvitationToken("short")).toBeNull();
    expect(await resolveInvitationToken("A".repeat(43))).toBeNull();
    const { tokens } = await sessionWithInvites(10, 1);
    const row = (await resolveInvitationToken(tokens[0]!))!;
    await db
      .update(invitations)
      .set({ tokenRevokedAt: new Date() })
      .where(eq(invitations.id, row.invitation.id));
    expect(await resolveInvitationToken(tokens[0]!)).toBeNull();
  });

  it("withdrawal erases personal data, needs and pending mail, and leaves no trace in the file", async () => {
    const { tokens } = await sessionWithInvites(10, 1);
    const row = (await resolveInvitationToken(tokens[0]!))!;
    const actor = customerActorOf(row);
    const secret = `Needs a BSL interpreter ${crypto.randomUUID()}`;
    await respondToInvitation(
      actor,
      { ...accept, accommodations: ["sign_language"], accommodationOther: secret },
      "en",
    );
    const email = row.customer.email!;
    await withdrawCustomer(actor);
    const c = await db.query.customers.findFirst({ where: eq(customers.id, actor.customerId) });
    expect(c).toMatchObject({ name: null, email: null, phone: null, accessibilityNotes: null });
    expect(c?.erasedAt).toBeInstanceOf(Date);
    const invs = await db.select().from(invitations).where(eq(invitations.customerId, actor.customerId));
    for (const i of invs)
      expect(i).toMatchObject({ status: "withdrawn", accommodations: [], accommodationOther: null });
    const pending = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.customerId, actor.customerId), eq(outbox.status, "pending")));
    expect(pending).toHaveLength(0);
    expect(await resolveInvitationToken(tokens[0]!)).toBeNull();
    // secure_delete overwrites freed pages; checkpoint the WAL and look at the raw bytes (a file
    // only: on sqld see db-server-settings.test.ts).
    const file = await checkpointedFileBytes(process.env.DATABASE_URL!);
    if (file) {
      expect(file.includes(Buffer.from(secret))).toBe(false);
      expect(file.includes(Buffer.from(email))).toBe(false);
    }
  });
});
