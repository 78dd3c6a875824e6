// Staff-initiated erasure (admins, a reason code audited) and the retention job: both the same
// erasure as a withdrawal — a customer known only from the directory included — and the retention
// job's second run changes nothing.
import "../support/test-env";
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, companySettings, customers, invitations } from "@/db/schema";
import { applyRetention, retentionCutoff } from "@/server/customers/apply-retention";
import { eraseCustomerByStaff } from "@/server/customers/erase-customer-by-staff";
import { DomainError } from "@/server/errors";
import { roomSession } from "../support/room-fixtures";
import { seededDb } from "../support/seeded-db";
import { rawDatabaseBytes } from "../support/test-database";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

describe("erasure on request by staff", () => {
  it("erases a directory-only customer, audits the reason, and only admins may", async () => {
    const secret = `Hörgerät links ${crypto.randomUUID()}`;
    const [c] = await db
      .insert(customers)
      .values({
        name: "Jürgen Directory",
        email: `jurgen.${Date.now()}@example.com`,
        accessibilityNotes: secret,
      })
      .returning();
    for (const who of [staff.facilitator, staff.agent, staff.executive, staff.owner])
      await expect(
        eraseCustomerByStaff(who, { customerId: c!.id, reason: "customer_request", confirm: "yes" }),
      ).rejects.toBeInstanceOf(DomainError);
    await expect(
      eraseCustomerByStaff(staff.admin, { customerId: c!.id, reason: "because I say", confirm: "yes" }),
    ).rejects.toThrow();
    await eraseCustomerByStaff(staff.admin, {
      customerId: c!.id,
      reason: "customer_request",
      confirm: "yes",
    });
    const after = await db.query.customers.findFirst({ where: eq(customers.id, c!.id) });
    expect(after).toMatchObject({ name: null, email: null, accessibilityNotes: null });
    expect(after?.erasedAt).toBeInstanceOf(Date);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.resourceId, c!.id));
    expect(entry).toMatchObject({ actorId: staff.admin.userId, action: "erase:customer_request" });
    const bytes = rawDatabaseBytes(process.env.DATABASE_URL!);
    if (bytes) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });
});

describe("retention", () => {
  it("erases personal data older than the period, keeps the rest, and a second run changes nothing", async () => {
    await db
      .insert(companySettings)
      .values({ id: 1, retentionMonths: 12 })
      .onConflictDoUpdate({ target: companySettings.id, set: { retentionMonths: 12 } });
    const at = new Date("2040-06-15T03:41:00Z");
    const old = new Date("2039-01-01T00:00:00Z");
    const fresh = new Date("2040-03-01T00:00:00Z");
    const [stale, recentlyInvited, recent] = await db
      .insert(customers)
      .values([
        { name: "Old Record", email: "old.retention@example.com", createdAt: old },
        { name: "Old But Invited", email: "invited.retention@example.com", createdAt: old },
        { name: "New Record", email: "new.retention@example.com", createdAt: fresh },
      ])
      .returning();
    const { sessionId } = await roomSession(staff.facilitator);
    await db.insert(invitations).values({
      sessionId,
      customerId: recentlyInvited!.id,
      tokenHash: crypto.randomUUID(),
      tokenExpiresAt: fresh,
      createdAt: fresh,
    });
    expect(retentionCutoff(at, 12).toISOString()).toBe("2039-06-15T03:41:00.000Z");
    const first = await applyRetention(at);
    expect(first.erased).toBeGreaterThanOrEqual(1);
    const alive = async (id: string) =>
      (await db.query.customers.findFirst({
        where: and(eq(customers.id, id), isNull(customers.erasedAt)),
      })) !== undefined;
    expect(await alive(stale!.id)).toBe(false);
    expect(await alive(recentlyInvited!.id)).toBe(true);
    expect(await alive(recent!.id)).toBe(true);
    const audited = await db.select().from(auditLog).where(eq(auditLog.resourceId, stale!.id));
    expect(audited.map((a) => a.action)).toEqual(["retention_erase"]);
    expect((await applyRetention(at)).erased).toBe(0);
  });
});
