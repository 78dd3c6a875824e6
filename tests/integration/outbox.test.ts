import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db";
import { customers, outbox } from "@/db/schema";
import { enqueueEmail } from "@/server/notify/outbox";
import { outboxStatus } from "@/server/notify/outbox-status";
import { createTransport, deliverDueEmails, type MailTransport } from "@/server/notify/sender";
import { captureLogs } from "@/tests/support/log-capture";
import { freePort } from "@/tests/support/ports";
import { type SmtpMode, startTestSmtp, type TestSmtp } from "@/tests/support/smtp";
import { migratedTestDatabase } from "@/tests/support/test-database";

const ADDRESS = "ada.lovelace@example.com";
const { db, open, url } = await migratedTestDatabase("outbox");
let smtp: TestSmtp;
let logs: ReturnType<typeof captureLogs>;

const mail = (n = 0) => ({
  kind: "test",
  to: ADDRESS,
  subject: `Hello ${n} — xin chào 你好`,
  text: `Plain body ${n}: https://app.test/x`,
  html: `<p>HTML body ${n}: <a href="https://app.test/x">link</a></p>`,
});

async function queue(count: number, target: Db = db): Promise<void> {
  await target.transaction(async (tx) => {
    for (let i = 0; i < count; i++) await enqueueEmail(tx, mail(i));
  });
}

const rows = () => db.select().from(outbox);
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

beforeEach(async () => {
  await db.delete(outbox);
  smtp = await startTestSmtp();
  logs = captureLogs();
});
afterEach(async () => {
  // Logs hold no personal data: no address and no body ever reaches them.
  logs.restore();
  expect(logs.text()).not.toContain(ADDRESS);
  expect(logs.text()).not.toContain("body");
  await smtp.close();
});

describe("enqueueEmail", () => {
  it("commits the outbox row with the change that caused it, and not without it", async () => {
    const committed = await db.transaction(async (tx) => {
      const [c] = await tx.insert(customers).values({ name: "Ada", email: ADDRESS }).returning();
      return enqueueEmail(tx, { ...mail(), customerId: c?.id });
    });
    expect(committed.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);

    await expect(
      db.transaction(async (tx) => {
        await tx.insert(customers).values({ name: "Bob", email: "bob@example.com" });
        await enqueueEmail(tx, { ...mail(), to: "bob@example.com" });
        throw new Error("the change failed after the mail was queued");
      }),
    ).rejects.toThrow(/change failed/);

    const all = await rows();
    expect(all.map((r) => r.id)).toEqual([committed.id]);
    expect(all[0]).toMatchObject({ status: "pending", attempts: 0, messageId: committed.messageId });
    expect(await db.select().from(customers).where(eq(customers.email, "bob@example.com"))).toEqual([]);
    // Erasing the customer removes their pending mail too.
    await db.delete(customers).where(eq(customers.email, ADDRESS));
    expect(await rows()).toEqual([]);
  });

  it("rejects a recipient list or a subject that would inject headers", async () => {
    await expect(enqueueEmail(db, { ...mail(), to: "a@example.com, b@example.com" })).rejects.toThrow();
    await expect(enqueueEmail(db, { ...mail(), subject: "Hi\r\nBcc: x@example.com" })).rejects.toThrow();
    expect(await rows()).toEqual([]);
  });
});

describe("deliverDueEmails over real SMTP", () => {
  it("delivers a row committed before a restart, with HTML and text parts and its Message-ID", async () => {
    // Committed through one client ("before the crash"), delivered by a fresh one ("after restart").
    const before = openDb(url);
    const { messageId } = await before.db.transaction((tx) => enqueueEmail(tx, mail(1)));
    before.client.close();
    const after = open();

    const result = await deliverDueEmails({
      db: after,
      workerId: "w1",
      transport: createTransport(smtp.url),
    });
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, dead: 0 });
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got).toMatchObject({ messageId, envelopeTo: [ADDRESS], to: ADDRESS, subject: mail(1).subject });
    expect(got?.text?.trim()).toBe(mail(1).text);
    expect(got?.html).toContain('<a href="https://app.test/x">link</a>');
    expect(got?.from).toContain("no-reply@immersion.local");
    expect(got?.headers.get("auto-submitted")).toBe("auto-generated");

    const [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, leaseUntil: null, lastError: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(
      await deliverDueEmails({ db, workerId: "w1", transport: createTransport(smtp.url) }),
    ).toMatchObject({
      claimed: 0,
    });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries with growing backoff while SMTP is down, then delivers once", async () => {
    await smtp.close();
    const port = await freePort();
    const transport = createTransport(`smtp://127.0.0.1:${port}`);
    await queue(1);
    const t0 = new Date();

    const first = await deliverDueEmails({ db, workerId: "w1", transport, now: t0 });
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const [r1] = await rows();
    expect(r1).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
    expect(r1?.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    const delay1 = (r1?.nextAttemptAt.getTime() ?? 0) - t0.getTime();
    expect(delay1).toBeGreaterThanOrEqual(30_000 * 0.75);

    // Not due yet: nothing is claimed before the backoff has passed.
    expect(
      await deliverDueEmails({ db, workerId: "w1", transport, now: later(t0, delay1 - 1) }),
    ).toMatchObject({
      claimed: 0,
    });

    const t1 = r1?.nextAttemptAt as Date;
    await deliverDueEmails({ db, workerId: "w1", transport, now: t1 });
    const [r2] = await rows();
    const delay2 = (r2?.nextAttemptAt.getTime() ?? 0) - t1.getTime();
    expect(r2?.attempts).toBe(2);
    expect(delay2).toBeGreaterThanOrEqual(60_000 * 0.75);

    smtp = await startTestSmtp({ port });
    const done = await deliverDueEmails({ db, workerId: "w1", transport, now: r2?.nextAttemptAt });
    expect(done).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("retries a 4xx reply and a dropped connection, then delivers exactly once", async () => {
    smtp.queueModes("tempfail", "drop");
    await queue(1);
    const transport = createTransport(smtp.url);
    let now = new Date();
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await deliverDueEmails({ db, workerId: "w1", transport, now });
      outcomes.push(r.sent ? "sent" : r.retried ? "retried" : "none");
      const [row] = await rows();
      if (i === 0) expect(row?.lastError).toMatch(/451/);
      // The reply named the recipient; the stored error must not.
      expect(row?.lastError ?? "").not.toContain(ADDRESS);
      now = row?.nextAttemptAt ?? now;
    }
    expect(outcomes).toEqual(["retried", "retried", "sent"]);
    expect(smtp.attempts).toEqual(["tempfail", "drop", "accept"]);
    expect(smtp.received).toHaveLength(1);
  });

  it("dead-letters a 5xx reply at once, visible to staff without addresses", async () => {
    smtp.queueModes("permfail");
    await queue(1);
    const r = await deliverDueEmails({ db, workerId: "w1", transport: createTransport(smtp.url) });
    expect(r).toMatchObject({ claimed: 1, dead: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "dead", attempts: 1, leaseUntil: null });
    expect(row?.lastError).toMatch(/550/);
    expect(row?.lastError).not.toContain(ADDRESS);

    const status = await outboxStatus(db);
    expect(status.counts).toEqual({ pending: 0, sent: 0, dead: 1 });
    expect(status.dead).toHaveLength(1);
    expect(Object.keys(status.dead[0] ?? {}).sort()).toEqual([
      "attempts",
      "createdAt",
      "id",
      "kind",
      "lastError",
    ]);
    expect(JSON.stringify(status)).not.toContain(ADDRESS);
    // A dead row is never sent again.
    await deliverDueEmails({
      db,
      workerId: "w1",
      transport: createTransport(smtp.url),
      now: later(new Date(), 86_400_000),
    });
    expect(smtp.received).toHaveLength(0);
  });

  it("dead-letters a row that keeps failing temporarily after maxAttempts", async () => {
    smtp.setMode("tempfail");
    await queue(1);
    const transport = createTransport(smtp.url);
    let now = new Date();
    for (let i = 0; i < 3; i++) {
      await deliverDueEmails({ db, workerId: "w1", transport, now, maxAttempts: 3 });
      now = (await rows())[0]?.nextAttemptAt ?? now;
    }
    expect((await rows())[0]).toMatchObject({ status: "dead", attempts: 3 });
    expect(smtp.attempts).toEqual(["tempfail", "tempfail", "tempfail"]);
  });

  it("never sends a row twice with two senders on two connections racing", async () => {
    await queue(50);
    const senders = [open(), open()].map((senderDb, i) => async () => {
      const transport = createTransport(smtp.url);
      let sent = 0;
      for (;;) {
        const r = await deliverDueEmails({ db: senderDb, workerId: `w${i}`, transport, limit: 5 });
        sent += r.sent;
        if (!r.claimed) return sent;
      }
    });
    const perSender = await Promise.all(senders.map((run) => run()));
    expect(perSender[0]! + perSender[1]!).toBe(50);
    expect(smtp.received).toHaveLength(50);
    const ids = new Set(smtp.received.map((m) => m.messageId));
    expect(ids.size).toBe(50);
    const all = await rows();
    expect(all.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    expect(new Set(all.map((r) => r.messageId))).toEqual(ids);
  });

  it("a relay that kept the message but dropped the line before its 250: one resend, same Message-ID", async () => {
    smtp.queueModes("accept-drop");
    await queue(1);
    const transport = createTransport(smtp.url);
    const first = await deliverDueEmails({ db, workerId: "w1", transport });
    expect(first).toMatchObject({ claimed: 1, retried: 1 });
    const [row] = await rows();
    await deliverDueEmails({ db, workerId: "w1", transport, now: row?.nextAttemptAt });
    expect(smtp.received.map((m) => m.messageId)).toEqual([row?.messageId, row?.messageId]);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("under SMTP down, 4xx, 5xx, drops mid-DATA and after DATA: no mail lost, resends only after an unanswered DATA", async () => {
    const MAILS = 30;
    const port = smtp.port;
    await smtp.close(); // down for the first round
    await queue(MAILS);
    const transport = createTransport(`smtp://127.0.0.1:${port}`);
    let now = new Date();
    const down = await deliverDueEmails({ db, workerId: "w1", transport, now, limit: MAILS });
    expect(down).toMatchObject({ claimed: MAILS, retried: MAILS });

    smtp = await startTestSmtp({ port });
    // Interleaved so that every kind of fault meets rows at every stage of their retries.
    const plan: SmtpMode[] = Array.from({ length: 6 }, (): SmtpMode[] => [
      "tempfail",
      "drop",
      "accept-drop",
      "accept",
    ]).flat();
    plan.push("permfail", "permfail", "permfail", "permfail");
    smtp.queueModes(...plan);
    for (let round = 0; round < 20; round++) {
      const pending = (await rows()).filter((r) => r.status === "pending");
      if (!pending.length) break;
      now = new Date(Math.max(...pending.map((r) => r.nextAttemptAt.getTime())));
      await deliverDueEmails({ db, workerId: "w1", transport, now, limit: MAILS, maxAttempts: 10 });
    }

    const all = await rows();
    expect(all.filter((r) => r.status === "pending")).toEqual([]);
    const receivedIds = smtp.received.map((m) => m.messageId);
    const timesReceived = (id: string) => receivedIds.filter((x) => x === id).length;
    const sent = all.filter((r) => r.status === "sent");
    const dead = all.filter((r) => r.status === "dead");
    // Lost: a row marked sent that never arrived, or a row given up on for anything but a 5xx.
    const lost = sent.filter((r) => timesReceived(r.messageId) === 0).length;
    expect(lost).toBe(0);
    expect(dead).toHaveLength(smtp.attempts.filter((m) => m === "permfail").length);
    expect(dead.every((r) => /550/.test(r.lastError ?? ""))).toBe(true);
    // Every extra copy follows a DATA the relay kept without answering, and carries the same id.
    for (const r of all)
      expect(timesReceived(r.messageId)).toBeLessThanOrEqual(
        (r.status === "sent" ? 1 : 0) + smtp.acceptedThenDropped.filter((id) => id === r.messageId).length,
      );
    expect(new Set(receivedIds).size).toBe(receivedIds.length - smtp.acceptedThenDropped.length);
    expect(receivedIds.every((id) => all.some((r) => r.messageId === id))).toBe(true);
    const injected = new Map<string, number>([["down", MAILS]]);
    for (const m of smtp.attempts) if (m !== "accept") injected.set(m, (injected.get(m) ?? 0) + 1);
    console.log(
      `SMTP faults injected: ${[...injected].map(([k, v]) => `${k} ${v}`).join(", ")}; ` +
        `${MAILS} mails: ${sent.length} sent, ${dead.length} dead-lettered (5xx), ${lost} lost, ` +
        `${receivedIds.length - new Set(receivedIds).size} duplicate copies (same Message-ID)`,
    );
  });

  it("after a crash between send and mark, sends again after the lease with the SAME Message-ID", async () => {
    await queue(1);
    const real = createTransport(smtp.url);
    // The process "dies" right after the relay accepted the message: the mark never happens.
    const crashing: MailTransport = {
      sendMail: async (m) => {
        await real.sendMail(m);
        return new Promise(() => {});
      },
    };
    const t0 = new Date();
    void deliverDueEmails({ db: open(), workerId: "doomed", transport: crashing, now: t0, leaseMs: 60_000 });
    await smtp.waitForReceived(1);
    const [leased] = await rows();
    expect(leased).toMatchObject({ status: "pending", attempts: 1 });
    expect(leased?.leaseUntil?.getTime()).toBe(t0.getTime() + 60_000);

    // While the lease holds, another sender leaves the row alone.
    const during = await deliverDueEmails({ db, workerId: "w2", transport: real, now: later(t0, 59_000) });
    expect(during.claimed).toBe(0);

    const after = await deliverDueEmails({ db, workerId: "w2", transport: real, now: later(t0, 60_001) });
    expect(after).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]?.messageId).toBe(smtp.received[0]?.messageId);
    expect(smtp.received[0]?.messageId).toBe(leased?.messageId);
    expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2 });
  });
});
