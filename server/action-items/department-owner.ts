import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { departmentMembers, users } from "@/db/schema";
import { invalid } from "@/server/errors";

/** An action's owner must be an active member of its department. */
export async function assertOwnerInDepartment(tx: Tx, departmentId: string, ownerId: string): Promise<void> {
  const [member] = await tx
    .select({ userId: departmentMembers.userId })
    .from(departmentMembers)
    .innerJoin(users, eq(users.id, departmentMembers.userId))
    .where(
      and(
        eq(departmentMembers.departmentId, departmentId),
        eq(departmentMembers.userId, ownerId),
        eq(users.active, true),
      ),
    );
  if (!member)
    throw invalid("The owner must belong to the department", { ownerId: ["Not in that department"] });
}
