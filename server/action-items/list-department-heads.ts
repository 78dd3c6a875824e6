import "server-only";
import { asc } from "drizzle-orm";
import { db } from "@/db";
import { departments } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { listDepartmentsWithMembers } from "./list-departments-with-members";

/** Each department with its members and its head, for the admin who names heads. */
export async function listDepartmentHeads(actor: Actor) {
  assertCan(actor, "department.manage");
  const [withMembers, heads] = await Promise.all([
    listDepartmentsWithMembers(actor),
    db
      .select({ id: departments.id, headId: departments.headId })
      .from(departments)
      .orderBy(asc(departments.name)),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h.headId]));
  return withMembers.map((d) => ({ ...d, headId: headOf.get(d.id) ?? null }));
}
