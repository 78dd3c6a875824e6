import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { departmentMembers, departments } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid, notFound } from "@/server/errors";

export const zSetDepartmentHead = z.strictObject({
  departmentId: z.uuid(),
  headId: z.union([z.uuid(), z.literal("")]).transform((v) => v || null),
});

/** Names (or clears) a department's head: a member of the department, escalated to when overdue. */
export async function setDepartmentHead(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "department.manage");
  const input = zSetDepartmentHead.parse(raw);
  await db.transaction(async (tx) => {
    const dept = await tx.query.departments.findFirst({ where: eq(departments.id, input.departmentId) });
    if (!dept) throw notFound("Department not found");
    if (input.headId) {
      const member = await tx.query.departmentMembers.findFirst({
        where: and(eq(departmentMembers.departmentId, dept.id), eq(departmentMembers.userId, input.headId)),
      });
      if (!member)
        throw invalid("The head must belong to the department", { headId: ["Not in that department"] });
    }
    await tx.update(departments).set({ headId: input.headId }).where(eq(departments.id, dept.id));
    await audit(tx, actor, "set_head", "department", dept.id);
  });
}
