// Dead letters and stuck work, for admins in production (issue 13): a 5xx-dead email, an email
// and a job long past due, a job that gave up and a job whose runner died are listed — with ids,
// kinds and errors, never an address, a body or a payload — and nobody but an admin sees them.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { jobs, outbox } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { deliveryProblems, STUCK_AFTER_MS } from "@/server/notify/delivery-problems";
import { enqueueEmail } from "@/server/notify/outbox";
import { seededDb } from "../support/seeded-db";

const ADDRESS = "hidden.person@example.com";

describe("deliveries and jobs for admins", () => {
  it("lists dead letters, stuck mail, dead and stuck jobs, without personal data; admins only", async () => {
    const { admin, facilitator } = await seededDb();
    const now = new Date();
    const long = new Date(now.getTime() - STUCK_AFTER_MS - 60_000);
    const mail = (subject: string) => ({
      kind: "test",
      to: ADDRESS,
      subject,
      text: `Body for ${ADDRESS}`,
      html: "<p>x</p>",
    });
    await db.transaction(async (tx) => {
      await enqueueEmail(tx, mail("dead one"));
      await enqueueEmail(tx, mail("stuck one"));
      await enqueueEmail(tx, mail("fresh one"));
    });
    const [dead, stuck, fresh] = await db.select().from(outbox);
    await db
      .update(outbox)
      .set({ status: "dead", attempts: 1, lastError: "550 5.1.1 mailbox unavailable" })
      .where(eq(outbox.id, dead!.id));
    await db
      .update(outbox)
      .set({ nextAttemptAt: long, attempts: 3, lastError: "ECONNREFUSED" })
      .where(eq(outbox.id, stuck!.id));
    await db.update(outbox).set({ nextAttemptAt: now }).where(eq(outbox.id, fresh!.id));
    await db.insert(jobs).values([
      {
        kind: "survey.send",
        payload: { email: ADDRESS },
        status: "dead",
        attempts: 8,
        lastError: "boom",
        finishedAt: now,
      },
      { kind: "reminder.send", payload: { email: ADDRESS }, status: "pending", runAt: long },
      {
        kind: "retention.run",
        payload: {},
        status: "pending",
        runAt: now,
        leaseUntil: long,
        leasedBy: "gone",
      },
      { kind: "fine.job", payload: {}, status: "pending", runAt: now },
    ]);

    const p = await deliveryProblems(admin, now);
    expect(p.outbox.counts).toMatchObject({ dead: 1, pending: 2 });
    expect(p.outbox.dead.map((d) => d.id)).toEqual([dead!.id]);
    expect(p.stuckMails).toBe(1);
    expect(p.deadJobs.map((j) => j.kind)).toEqual(["survey.send"]);
    expect(p.stuckJobs.map((j) => j.kind).sort()).toEqual(["reminder.send", "retention.run"]);
    expect(p.worker.ok).toBe(false); // no worker runs in this test
    expect(JSON.stringify(p)).not.toContain(ADDRESS);

    await expect(deliveryProblems(facilitator, now)).rejects.toBeInstanceOf(DomainError);
  });
});
