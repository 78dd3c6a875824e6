import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { customers, departments, invitations, reasonCodes, sessionStaff, users } from "@/db/schema";
import { customerIdentity, staffIdentity } from "@/lib/domain/room-identity";
import type { RoomRole } from "@/lib/domain/room-roles";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { toReasonCodeView } from "@/server/reason-codes/code-view";
import { canModerate } from "./backroom/backroom-access";
import { backroomState } from "./backroom/backroom-state";
import { guestNamer } from "./guest-names";
import { moderationForSession } from "./moderation/moderation-log";

/**
 * Everything the staff room page needs on load, so a reload or a dropped connection restores the
 * full backroom, the moderation log and who is who, from the database.
 */
export async function staffRoomView(anyActor: Actor, sessionId: string): Promise<StaffRoomView> {
  const { session, staffIds, actor } = await authorizeSession(anyActor, sessionId, "room.backroom");
  const guests = await db
    .select({
      invitationId: invitations.id,
      customerId: invitations.customerId,
      name: customers.name,
      removedFromRoomAt: invitations.removedFromRoomAt,
    })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(and(eq(invitations.sessionId, sessionId), inArray(invitations.status, ["accepted", "attended"])))
    .orderBy(asc(customers.name));
  const seats = await db
    .select({ userId: sessionStaff.userId, roomRole: sessionStaff.roomRole })
    .from(sessionStaff)
    .where(eq(sessionStaff.sessionId, sessionId));
  const roomRoleOf = (userId: string): RoomRole =>
    userId === session.facilitatorId
      ? "facilitator"
      : (seats.find((s) => s.userId === userId)?.roomRole ?? "observer");
  const staff = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set([...staffIds, session.facilitatorId])]));
  // Need-to-know: names for the facilitator and admins, pseudonyms for the other staff. Seeing who
  // is in the room is reading personal data: audited once per load of the view.
  const namer = guestNamer(actor, session);
  if (guests.length && namer.seesNames) await audit(db, actor, "room_guest_names", "session", sessionId);
  return {
    session: {
      id: session.id,
      title: session.title,
      status: session.status,
      startedAt: session.startedAt?.getTime() ?? null,
    },
    me: { userId: actor.userId, identity: staffIdentity(actor.userId) },
    canModerate: canModerate(actor, session, staffIds),
    guests: guests.map((g) => ({
      ...g,
      name: namer.name(g.customerId, g.name),
      pseudonymous: !namer.seesNames,
      identity: customerIdentity(g.invitationId),
      removedFromRoomAt: g.removedFromRoomAt?.getTime() ?? null,
    })),
    staff: staff.map((s) => ({ ...s, roomRole: roomRoleOf(s.id), identity: staffIdentity(s.id) })),
    moderation: await moderationForSession(actor, sessionId),
    backroom: await backroomState(actor, sessionId),
    // With definitions and examples: the note form shows them where codes are picked.
    reasonCodes: (
      await db
        .select()
        .from(reasonCodes)
        .where(eq(reasonCodes.state, "active"))
        .orderBy(asc(reasonCodes.number))
    ).map(toReasonCodeView),
    departments: await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
  };
}
