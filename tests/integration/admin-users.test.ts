// The admin area's staff management on a real database: an invited user exists at once and gets
// an email; a deactivated or demoted user loses access at their next request (staff are loaded
// from the database on every request); an admin cannot lock themselves out; the audit log lists
// and exports what happened, with no personal data.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { outbox, users } from "@/db/schema";
import { auditCsv, listAuditLog } from "@/server/admin/audit-log";
import { createUser, listUsers, updateUser } from "@/server/admin/users";
import { can } from "@/server/auth/policy";
import { DomainError } from "@/server/errors";
import { loadStaffActor } from "@/server/staff/load-staff-actor";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

describe("staff accounts", () => {
  it("invites, demotes and deactivates; each takes effect at the next request", async () => {
    const { id } = await createUser(staff.admin, {
      email: "Nadia.New@Northwind.example",
      name: "Nadia New",
      role: "facilitator",
      timeZone: "Asia/Ho_Chi_Minh",
      trainedForVulnerable: "on",
    });
    const row = await db.query.users.findFirst({ where: eq(users.id, id) });
    expect(row).toMatchObject({
      email: "nadia.new@northwind.example",
      role: "facilitator",
      trainedForVulnerable: true,
    });
    const [mail] = await db.select().from(outbox).where(eq(outbox.toAddress, "nadia.new@northwind.example"));
    expect(mail?.text).toContain("http://app.test:3000/sign-in");
    expect((await listUsers(staff.admin)).some((u) => u.id === id)).toBe(true);

    const asFacilitator = await loadStaffActor(db, id);
    expect(asFacilitator && can(asFacilitator, "session.create")).toBe(true);
    await updateUser(staff.admin, { userId: id, role: "agent", timeZone: "UTC", active: "on" });
    const before = (await db.query.users.findFirst({ where: eq(users.id, id) }))!.sessionVersion;
    const demoted = await loadStaffActor(db, id, { sessionVersion: before });
    expect(demoted?.role).toBe("agent");
    expect(demoted && can(demoted, "session.create")).toBe(false);
    await updateUser(staff.admin, { userId: id, role: "agent", timeZone: "UTC" });
    expect(await loadStaffActor(db, id)).toBeNull();
    // Reactivated, the person signs in again: a cookie from before the deactivation stays dead.
    await updateUser(staff.admin, { userId: id, role: "agent", timeZone: "UTC", active: "on" });
    expect(await loadStaffActor(db, id, { sessionVersion: before })).toBeNull();
    expect(await loadStaffActor(db, id)).not.toBeNull();

    await expect(
      createUser(staff.admin, {
        email: "nadia.new@northwind.example",
        name: "Again",
        role: "agent",
        timeZone: "UTC",
      }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(
      updateUser(staff.admin, { userId: staff.admin.userId, role: "agent", timeZone: "UTC", active: "on" }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("the audit log lists the changes, filterable, and exports them as CSV without personal data", async () => {
    const rows = await listAuditLog(staff.admin, { resourceType: "user" });
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["user.create", "user.update", "user.deactivate"]),
    );
    expect(rows.every((r) => r.resourceType === "user")).toBe(true);
    const csv = auditCsv(rows);
    expect(csv.split("\r\n")[0]).toBe("at,actor_type,actor,action,resource_type,resource_id");
    expect(csv).not.toContain("nadia.new@");
  });
});
