import "../support/test-env";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { consents, customers, invitations, outbox } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { listMailbox } from "@/mail-catcher/mailbox-store";
import { startMailCatcher } from "@/mail-catcher/smtp-server";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { DEV_MAILBOX_DIR } from "@/server/notify/dev-mailbox";
import { createTransport, deliverDueEmails } from "@/server/notify/sender";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";
import { startTestSmtp } from "../support/smtp";
import { checkpointedFileBytes, rawDatabaseBytes } from "../support/test-database";

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
  const people = await db
    .select({ id: customers.id })
    .from(customers)
    .where(isNull(customers.erasedAt))
    .limit(count);
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
    }
  });

  it("erasure itself checkpoints the WAL; the confirmation goes out in their language and then leaves no trace", async () => {
    const { tokens } = await sessionWithInvites(10, 1);
    const row = (await resolveInvitationToken(tokens[0]!))!;
    const actor = customerActorOf(row);
    await db.update(customers).set({ language: "vi" }).where(eq(customers.id, actor.customerId));
    const secret = `Cần phiên dịch ${crypto.randomUUID()}`;
    await respondToInvitation(actor, { ...accept, accommodationOther: secret }, "vi");
    const email = row.customer.email!;
    const name = row.customer.name!;
    // Their invitation (and the others pending) reach the development mail catcher first.
    const catcher = await startMailCatcher({ port: 0, dir: DEV_MAILBOX_DIR });
    try {
      await deliverDueEmails({
        db,
        transport: createTransport(`smtp://127.0.0.1:${catcher.port}`),
        workerId: "t",
      });
    } finally {
      await catcher.close();
    }
    const caught = await listMailbox(DEV_MAILBOX_DIR, 10_000);
    expect(caught.some((m) => m.to.includes(email))).toBe(true);
    const others = caught.filter((m) => !m.to.includes(email)).length;
    await withdrawCustomer(actor);
    // The catcher's copies are gone (the demo mailbox lists what is in its folder); others stay.
    const left = await listMailbox(DEV_MAILBOX_DIR, 10_000);
    expect(left.some((m) => m.to.includes(email))).toBe(false);
    expect(left.length).toBeGreaterThanOrEqual(others);
    // No checkpoint by the test: the WAL's old frames would still hold the erased values.
    const before = rawDatabaseBytes(process.env.DATABASE_URL!);
    if (before) expect(before.includes(Buffer.from(secret))).toBe(false);

    const [confirm] = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "withdrawal_confirmation"), eq(outbox.toAddress, email)));
    expect(confirm).toMatchObject({ toAddress: email, status: "pending", customerId: null });
    expect(confirm?.subject).toBe("Bạn đã ngừng tham gia");
    for (const part of [confirm?.text, confirm?.html, confirm?.subject])
      for (const erased of [name, name.split(" ")[0]!, email, secret, "Capacity", "/i/"])
        expect(part).not.toContain(erased);

    const smtp = await startTestSmtp();
    try {
      await deliverDueEmails({ db, transport: createTransport(smtp.url), workerId: "test" });
      const got = smtp.received.find((m) => m.subject === "Bạn đã ngừng tham gia");
      expect(got?.envelopeTo).toEqual([email]);
    } finally {
      await smtp.close();
    }
    const sent = await db.query.outbox.findFirst({ where: eq(outbox.id, confirm!.id) });
    expect(sent).toMatchObject({ status: "sent", toAddress: "", text: "", html: "" });
    const after = rawDatabaseBytes(process.env.DATABASE_URL!);
    if (after) {
      expect(after.includes(Buffer.from(secret))).toBe(false);
      expect(after.includes(Buffer.from(email))).toBe(false);
    }
  });
});
