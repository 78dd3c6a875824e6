// The demo mailbox page's data: only in demo mode, only for those the policy lets read it.
import "../support/test-env";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { env } from "@/env";
import { DomainError } from "@/server/errors";
import { devMailbox } from "@/server/notify/dev-mailbox";
import { enqueueEmail } from "@/server/notify/outbox";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
const demo = env.IMMERSION_DEMO;

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

beforeAll(async () => {
  staff = await seededDb();
});
afterEach(() => {
  env.IMMERSION_DEMO = demo;
});

describe("development mailbox", () => {
  it("shows facilitators and admins the caught mail and the outbox counts", async () => {
    env.IMMERSION_DEMO = true;
    const before = (await devMailbox(staff.admin)).status.counts.pending;
    await enqueueEmail(db, {
      kind: "test",
      to: "guest@example.com",
      subject: "Hi",
      text: "Hi",
      html: "<p>Hi</p>",
    });
    const box = await devMailbox(staff.facilitator);
    expect(Array.isArray(box.mails)).toBe(true);
    expect(box.status.counts.pending).toBe(before + 1);
  });

  it("does not exist for other roles, nor outside demo mode", async () => {
    env.IMMERSION_DEMO = true;
    expect(await code(devMailbox(staff.agent))).toBe("not_found");
    expect(await code(devMailbox(staff.executive))).toBe("not_found");
    expect(await code(devMailbox({ kind: "anonymous" }))).toBe("not_found");
    env.IMMERSION_DEMO = false;
    expect(await code(devMailbox(staff.admin))).toBe("not_found");
  });
});
