import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { departmentMembers, departments, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** Departments with their members, for the form that assigns an action item. */
export async function listDepartmentsWithMembers(actor: Actor) {
  assertCan(actor, "action.create"); // the same people edit and reassign
  const rows = await db
    .select({
      departmentId: departments.id,
      department: departments.name,
      userId: users.id,
      name: users.name,
      isOwner: departmentMembers.isOwner,
    })
    .from(departmentMembers)
    .innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
    .innerJoin(users, eq(users.id, departmentMembers.userId))
    .where(eq(users.active, true))
    .orderBy(asc(departments.name), asc(users.name));
  const map = new Map<
    string,
    { id: string; name: string; members: { id: string; name: string; isOwner: boolean }[] }
  >();
  for (const r of rows) {
    const d = map.get(r.departmentId) ?? { id: r.departmentId, name: r.department, members: [] };
    d.members.push({ id: r.userId, name: r.name, isOwner: r.isOwner });
    map.set(r.departmentId, d);
  }
  return [...map.values()];
}
