// Departments in the admin area on a real database: an admin creates a department with a head and
// members; an action of that department, once overdue, escalates to that head (the sweep and the
// worker as in production, driven by a test clock); membership and owner flags apply at the
// member's next request; removing the head clears the head; names are unique; all audited.
import "../support/test-env";
import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { actions, auditLog, departmentMembers, departments, outbox } from "@/db/schema";
import { createActionItem } from "@/server/action-items/create-action-item";
import { listDepartments, saveDepartment, setDepartmentMember } from "@/server/admin/departments";
import { createUser } from "@/server/admin/users";
import { can } from "@/server/auth/policy";
import { DomainError } from "@/server/errors";
import "@/server/jobs/handlers";
import { createScheduler } from "@/server/jobs/scheduler";
import { runWorkerOnce } from "@/server/jobs/worker";
import { loadStaffActor } from "@/server/staff/load-staff-actor";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

const DAY = 86_400_000;

describe("departments", () => {
  it("a new department with a head: its overdue action escalates to that head", async () => {
    const head = await createUser(staff.admin, {
      email: "priya.head@northwind.example",
      name: "Priya Head",
      role: "agent",
      timeZone: "Europe/London",
    });
    const { id } = await saveDepartment(staff.admin, { name: "Smart Meters", headId: head.id });
    const listed = (await listDepartments(staff.admin)).departments.find((d) => d.id === id);
    expect(listed).toMatchObject({
      name: "Smart Meters",
      headId: head.id,
      members: [{ id: head.id, name: "Priya Head", isOwner: true, active: true }],
    });
    // The head, as a member and owner, can work the department's actions from the next request.
    const asHead = (await loadStaffActor(db, head.id))!;
    expect(asHead.departments).toEqual([expect.objectContaining({ id, isOwner: true })]);

    await setDepartmentMember(staff.admin, {
      departmentId: id,
      userId: staff.agent.userId,
      membership: "member",
    });
    const insightId = (await db.query.insights.findFirst())!.id;
    const deadline = new Date(Date.now() + 2 * DAY).toISOString().slice(0, 10);
    const action = await createActionItem(staff.facilitator, {
      insightId,
      departmentId: id,
      ownerId: staff.agent.userId,
      title: "Smart meters: send the first reading reminder",
      deadline,
    });
    const due = (await db.query.actions.findFirst({ where: eq(actions.id, action.id) }))!.deadline;
    const scheduler = createScheduler({ db });
    for (const at of [due.getTime() + 60_000, due.getTime() + 2 * 60_000])
      await runWorkerOnce({ db, workerId: "departments-test", scheduler, now: new Date(at) });
    const mails = await db
      .select({ kind: outbox.kind, to: outbox.toAddress })
      .from(outbox)
      .where(and(like(outbox.subject, "%first reading reminder%"), eq(outbox.kind, "action.escalated_head")));
    expect(mails).toEqual([{ kind: "action.escalated_head", to: "priya.head@northwind.example" }]);
  });

  it("members and owners are set, renamed, removed; the head's removal clears the head", async () => {
    const { id } = await saveDepartment(staff.admin, { name: "Field Engineers", headId: staff.agent.userId });
    await setDepartmentMember(staff.admin, {
      departmentId: id,
      userId: staff.owner.userId,
      membership: "member",
    });
    let owner = (await loadStaffActor(db, staff.owner.userId))!;
    expect(owner.departments.find((d) => d.id === id)).toMatchObject({ isOwner: false });
    expect(can(owner, "action.work", { departmentId: id, ownerId: crypto.randomUUID() })).toBe(false);
    await setDepartmentMember(staff.admin, {
      departmentId: id,
      userId: staff.owner.userId,
      membership: "owner",
    });
    owner = (await loadStaffActor(db, staff.owner.userId))!;
    expect(can(owner, "action.work", { departmentId: id, ownerId: crypto.randomUUID() })).toBe(true);

    await saveDepartment(staff.admin, {
      departmentId: id,
      name: "Field Engineering",
      headId: staff.agent.userId,
    });
    await setDepartmentMember(staff.admin, {
      departmentId: id,
      userId: staff.agent.userId,
      membership: "none",
    });
    const dept = await db.query.departments.findFirst({ where: eq(departments.id, id) });
    expect(dept).toMatchObject({ name: "Field Engineering", headId: null });
    expect(
      (await db.select().from(departmentMembers).where(eq(departmentMembers.departmentId, id))).map(
        (m) => m.userId,
      ),
    ).toEqual([staff.owner.userId]);

    const audited = await db.select().from(auditLog).where(eq(auditLog.resourceId, id));
    expect(audited.map((a) => a.action).sort()).toEqual(
      [
        "department.create",
        "department.member.remove",
        "department.member.set",
        "department.member.set",
        "department.update",
      ].sort(),
    );
  });

  it("refuses a second department with the same name and a head who is not staff", async () => {
    await expect(saveDepartment(staff.admin, { name: "field engineering" })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { name: ["There is already a department with this name"] },
    });
    await expect(
      saveDepartment(staff.admin, { name: "Metering", headId: crypto.randomUUID() }),
    ).rejects.toBeInstanceOf(DomainError);
    await expect(saveDepartment(staff.admin, { name: "Metering", extra: 1 })).rejects.toThrow();
  });
});
