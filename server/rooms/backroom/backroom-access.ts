import "server-only";
import type { Session } from "@/db/schema";
import type { Actor, StaffActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";
import { authorizeSession } from "@/server/sessions/session-access";

/** The session, for staff allowed into its backroom (`room.backroom`) or to run it (`room.moderate`). */
export async function staffInBackroom(
  actor: Actor,
  sessionId: string,
  action: "room.backroom" | "room.moderate",
): Promise<{ session: Session; staff: StaffActor }> {
  const { session } = await authorizeSession(actor, sessionId, action);
  if (actor.kind !== "staff") throw forbidden();
  return { session, staff: actor };
}

/** Whether the actor may run the queue (approve, asked, dismiss, merge) — for showing controls. */
export function canModerate(actor: Actor, session: Session, staffIds: string[]): boolean {
  return can(actor, "room.moderate", {
    sessionId: session.id,
    sessionFacilitatorId: session.facilitatorId,
    sessionStaffIds: staffIds,
  });
}
