import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { departmentMembers, users } from "@/db/schema";
import type { StaffActor } from "@/server/auth/actor";

/**
 * Loads a staff member fresh from the database; a disabled user has no actor at all, and neither
 * has a session cookie whose `sessionVersion` is older than the user's (revoked by a sign-out).
 */
export async function loadStaffActor(
  db: Db,
  userId: string,
  session?: { sessionVersion: number },
): Promise<StaffActor | null> {
  const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
  if (!user?.active) return null;
  if (session && session.sessionVersion !== user.sessionVersion) return null;
  const memberships = await db
    .select({ id: departmentMembers.departmentId, isOwner: departmentMembers.isOwner })
    .from(departmentMembers)
    .where(eq(departmentMembers.userId, userId));
  return {
    kind: "staff",
    userId: user.id,
    role: user.role,
    name: user.name,
    email: user.email,
    timeZone: user.timeZone,
    language: user.language,
    departments: memberships,
  };
}
