import "server-only";
import type { Session } from "@/db/schema";
import type { Actor, StaffActor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { can } from "@/server/auth/policy";

/** The session, for staff allowed into its backroom (`room.backroom`) or to run it (`room.moderate`). */
export async function staffInBackroom(
  actor: Actor,
  sessionId: string,
  action: "room.backroom" | "room.moderate",
): Promise<{ session: Session; staff: StaffActor }> {
  const { session, actor: staff } = await authorizeSession(actor, sessionId, action);
  return { session, staff };
}

/** Whether the actor may run the queue (approve, asked, dismiss, merge) — for showing controls. */
export function canModerate(actor: Actor, session: Session, staffIds: string[]): boolean {
  return can(actor, "room.moderate", {
    sessionId: session.id,
    sessionFacilitatorId: session.facilitatorId,
    sessionStaffIds: staffIds,
  });
}
