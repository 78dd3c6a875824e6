import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { db } from "@/db";
import { sessionStaff, users } from "@/db/schema";
import { zRemoveSessionStaff, zSessionStaff } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, invalid } from "@/server/errors";

/**
 * Adds a staff member to the session (or changes their room role): speakers may be given the
 * floor, observers listen. The facilitator's own row is fixed.
 */
export async function setSessionStaff(
  actor: Actor,
  input: { sessionId: string; userId: string; roomRole: string },
): Promise<void> {
  const data = zSessionStaff.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (data.userId === session.facilitatorId) throw conflict("The facilitator already runs this session");
  const person = await db.query.users.findFirst({
    where: and(eq(users.id, data.userId), eq(users.active, true)),
  });
  if (!person) throw invalid("Choose an active staff member", { userId: ["Choose an active staff member"] });
  await db.transaction(async (tx) => {
    await tx
      .insert(sessionStaff)
      .values({ sessionId: session.id, userId: person.id, roomRole: data.roomRole })
      .onConflictDoUpdate({
        target: [sessionStaff.sessionId, sessionStaff.userId],
        set: { roomRole: data.roomRole },
      });
    await audit(tx, actor, `staff_${data.roomRole}`, "session", session.id);
  });
}

/** Takes a staff member off the session (never its facilitator). */
export async function removeSessionStaff(actor: Actor, input: { sessionId: string; userId: string }) {
  const data = zRemoveSessionStaff.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (data.userId === session.facilitatorId) throw conflict("The facilitator cannot be removed");
  await db.transaction(async (tx) => {
    await tx
      .delete(sessionStaff)
      .where(and(eq(sessionStaff.sessionId, session.id), eq(sessionStaff.userId, data.userId)));
    await audit(tx, actor, "staff_remove", "session", session.id);
  });
}

/** Active staff who could be added to a session (for the staff picker). */
export async function listAssignableStaff(actor: Actor, sessionId: string) {
  const { session } = await authorizeSession(actor, sessionId, "session.manage");
  return db
    .select({ id: users.id, name: users.name, role: users.role, trained: users.trainedForVulnerable })
    .from(users)
    .where(and(eq(users.active, true), ne(users.id, session.facilitatorId)))
    .orderBy(asc(users.name));
}
