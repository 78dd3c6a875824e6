import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { type Session, sessionStaff, sessions } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { type ActorFor, assertCan, type PolicyAction } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

/**
 * Loads a session and checks `action` against it; someone else's session looks like a missing one.
 * Answers the actor narrowed to the kinds `action` allows, so callers need no second check.
 */
export async function authorizeSession<A extends PolicyAction>(
  actor: Actor,
  sessionId: string,
  action: A,
): Promise<{ session: Session; staffIds: string[]; actor: ActorFor<A> }> {
  const session = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
  if (!session) throw notFound("Session not found");
  const staff = await db
    .select({ userId: sessionStaff.userId })
    .from(sessionStaff)
    .where(eq(sessionStaff.sessionId, sessionId));
  const staffIds = staff.map((s) => s.userId);
  assertCan(
    actor,
    action,
    {
      sessionId,
      sessionFacilitatorId: session.facilitatorId,
      sessionStaffIds: staffIds,
      sessionOpenToStaff: session.format === "mass_online",
    },
    () => notFound("Session not found"),
  );
  return { session, staffIds, actor };
}
