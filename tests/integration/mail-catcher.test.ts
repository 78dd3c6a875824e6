import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { listMailbox, readMessage } from "@/mail-catcher/mailbox-store";
import { type MailCatcher, startMailCatcher } from "@/mail-catcher/smtp-server";
import { enqueueEmail } from "@/server/notify/outbox";
import { createTransport, deliverDueEmails } from "@/server/notify/sender";
import { freshDatabaseUrl } from "@/tests/support/test-database";

const dir = mkdtempSync(path.join(tmpdir(), "immersion-catcher-"));
const mailbox = path.join(dir, "mailbox");
let catcher: MailCatcher;

beforeAll(async () => {
  catcher = await startMailCatcher({ port: 0, dir: mailbox });
});
afterAll(async () => {
  await catcher.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("development mail catcher", () => {
  it("catches what the outbox sender delivers, and lists it parsed, newest first", async () => {
    const url = await freshDatabaseUrl(path.join(dir, "catcher.db"));
    const { client, db } = openDb(url);
    await migrateDatabase(db);
    const subjects = ["First — Xin chào", "Second 你好", "Third مرحبا"];
    const ids: string[] = [];
    for (const subject of subjects) {
      const { messageId } = await enqueueEmail(db, {
        kind: "test",
        to: "guest@example.com",
        subject,
        text: `Text of ${subject}`,
        html: `<p>HTML of <b>${subject}</b></p>`,
      });
      ids.push(messageId);
      // One at a time, so arrival order is the order above.
      await deliverDueEmails({
        db,
        workerId: "t",
        transport: createTransport(`smtp://127.0.0.1:${catcher.port}`),
      });
    }
    client.close();

    const listed = await listMailbox(mailbox, 10);
    expect(listed.map((m) => m.subject)).toEqual([...subjects].reverse());
    expect(listed.map((m) => m.messageId)).toEqual([...ids].reverse());
    const newest = listed[0];
    expect(newest).toMatchObject({ to: "guest@example.com", subject: "Third مرحبا" });
    expect(newest?.from).toContain("no-reply@immersion.local");
    expect(newest?.text?.trim()).toBe("Text of Third مرحبا");
    expect(newest?.html).toContain("<b>Third مرحبا</b>");
    expect(Number.isNaN(Date.parse(newest?.date ?? ""))).toBe(false);

    expect(await listMailbox(mailbox, 2)).toHaveLength(2);
    expect(await readMessage(mailbox, newest?.id ?? "")).toEqual(newest);
    // Only complete messages are stored: no temporary files remain.
    expect(readdirSync(mailbox).every((f) => f.endsWith(".eml"))).toBe(true);
  });

  it("opens only its own message ids, and treats a missing folder as empty", async () => {
    expect(await readMessage(mailbox, "../catcher.db")).toBeNull();
    expect(await readMessage(mailbox, "00000000000000-00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await listMailbox(path.join(dir, "nowhere"), 10)).toEqual([]);
  });

  it("listens on loopback only", async () => {
    await expect(startMailCatcher({ port: 0, host: "0.0.0.0", dir: mailbox })).rejects.toThrow(/loopback/);
  });

  it("fails clearly when its port is taken", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await expect(startMailCatcher({ port: catcher.port, dir: mailbox })).rejects.toThrow(/EADDRINUSE/);
    vi.restoreAllMocks();
  });
});
