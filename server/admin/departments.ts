import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { departmentMembers, departments, users } from "@/db/schema";
import { zDepartmentMember, zSaveDepartment } from "@/lib/validation/admin";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid, notFound } from "@/server/errors";

export type DepartmentRow = {
  id: string;
  name: string;
  headId: string | null;
  members: { id: string; name: string; isOwner: boolean; active: boolean }[];
};

/** Every department with its head and members, and the staff who could join one (admins only). */
export async function listDepartments(
  actor: Actor,
): Promise<{ departments: DepartmentRow[]; staff: { id: string; name: string }[] }> {
  assertCan(actor, "department.manage");
  const [depts, members, staff] = await Promise.all([
    db
      .select({ id: departments.id, name: departments.name, headId: departments.headId })
      .from(departments)
      .orderBy(asc(departments.name)),
    db
      .select({
        departmentId: departmentMembers.departmentId,
        id: users.id,
        name: users.name,
        isOwner: departmentMembers.isOwner,
        active: users.active,
      })
      .from(departmentMembers)
      .innerJoin(users, eq(users.id, departmentMembers.userId))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.active, true))
      .orderBy(asc(users.name)),
  ]);
  return {
    departments: depts.map((d) => ({
      ...d,
      members: members.filter((m) => m.departmentId === d.id).map(({ departmentId: _d, ...m }) => m),
    })),
    staff,
  };
}

async function nameTaken(tx: Tx, name: string, except?: string) {
  const rows = await tx.select({ id: departments.id, name: departments.name }).from(departments);
  return rows.some((r) => r.id !== except && r.name.toLowerCase() === name.toLowerCase());
}

/**
 * Creates a department or renames it, and names its head: the person overdue actions escalate
 * to first. The head is made a member (and owner) of the department when they are not one yet,
 * so they can also see and work its actions.
 */
export async function saveDepartment(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "department.manage");
  const input = zSaveDepartment.parse(raw);
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, input.name, input.departmentId || undefined))
      throw invalid("Please check the highlighted fields.", {
        name: ["There is already a department with this name"],
      });
    if (input.headId) {
      const head = await tx.query.users.findFirst({ where: eq(users.id, input.headId) });
      if (!head?.active)
        throw invalid("Please check the highlighted fields.", { headId: ["Not a staff member"] });
    }
    let id = input.departmentId;
    if (id) {
      const changed = await tx
        .update(departments)
        .set({ name: input.name, headId: input.headId })
        .where(eq(departments.id, id))
        .returning({ id: departments.id });
      if (!changed.length) throw notFound("Department not found");
      await audit(tx, actor, "department.update", "department", id);
    } else {
      const [row] = await tx
        .insert(departments)
        .values({ name: input.name, headId: input.headId })
        .returning({ id: departments.id });
      id = row!.id;
      await audit(tx, actor, "department.create", "department", id);
    }
    if (input.headId)
      await tx
        .insert(departmentMembers)
        .values({ departmentId: id, userId: input.headId, isOwner: true })
        .onConflictDoNothing();
    return { id };
  });
}

/**
 * Adds a staff member to a department (a member sees its actions; an owner also works and
 * resolves them), changes their flag, or removes them. Removing the head clears the head.
 * Staff are loaded on every request, so the change applies from their next page.
 */
export async function setDepartmentMember(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "department.manage");
  const input = zDepartmentMember.parse(raw);
  await db.transaction(async (tx) => {
    const dept = await tx.query.departments.findFirst({ where: eq(departments.id, input.departmentId) });
    if (!dept) throw notFound("Department not found");
    const person = await tx.query.users.findFirst({ where: eq(users.id, input.userId) });
    if (!person) throw invalid("Please check the highlighted fields.", { userId: ["Not a staff member"] });
    const key = and(eq(departmentMembers.departmentId, dept.id), eq(departmentMembers.userId, person.id));
    if (input.membership === "none") {
      await tx.delete(departmentMembers).where(key);
      if (dept.headId === person.id)
        await tx.update(departments).set({ headId: null }).where(eq(departments.id, dept.id));
      await audit(tx, actor, "department.member.remove", "department", dept.id);
      return;
    }
    const isOwner = input.membership === "owner";
    await tx
      .insert(departmentMembers)
      .values({ departmentId: dept.id, userId: person.id, isOwner })
      .onConflictDoUpdate({
        target: [departmentMembers.departmentId, departmentMembers.userId],
        set: { isOwner },
      });
    await audit(tx, actor, "department.member.set", "department", dept.id);
  });
}
