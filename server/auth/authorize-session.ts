import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { type Session, sessionStaff, sessions } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can, type PolicyAction } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

/** Loads a session and checks `action` against it; someone else's session looks like a missing one. */
export async function authorizeSession(
  actor: Actor,
  sessionId: string,
  action: PolicyAction,
): Promise<{ session: Session; staffIds: string[] }> {
  const session = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
  if (!session) throw notFound("Session not found");
  const staff = await db
    .select({ userId: sessionStaff.userId })
    .from(sessionStaff)
    .where(eq(sessionStaff.sessionId, sessionId));
  const staffIds = staff.map((s) => s.userId);
  const allowed = can(actor, action, {
    sessionId,
    sessionFacilitatorId: session.facilitatorId,
    sessionStaffIds: staffIds,
  });
  if (!allowed) throw notFound("Session not found");
  return { session, staffIds };
}
