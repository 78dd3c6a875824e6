import "server-only";
import { count, eq } from "drizzle-orm";
import { AccessToken } from "livekit-server-sdk";
import { db } from "@/db";
import { customers, invitations, type Session, sessionStaff } from "@/db/schema";
import { env } from "@/env";
import { customerIdentity, isStaffIdentity, staffIdentity } from "@/lib/domain/room-identity";
import { participantMetadata } from "@/lib/room-metadata";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, forbidden, notFound } from "@/server/errors";
import { grantsFor, type ParticipantRole } from "./grants";
import { ensureRoom, identitiesInRoom } from "./room-service";
import { OPEN_OBSERVER_CAP, roomSettingsFor } from "./room-settings";
import { hasTables, placeAtTable, type Seat, type TablePlacement } from "./speed-dating";
import { shareStoryTurns } from "./story-turns";

const TOKEN_TTL_SECONDS = 10 * 60;

export type RoomConnection = {
  url: string;
  token: string;
  identity: string;
  role: ParticipantRole;
  roomName: string;
  /** Speed dating: the table this token is for, and the shared round clock. */
  placement?: TablePlacement;
};

/**
 * Mints a short-lived LiveKit token for the actor in a session's room. Identity, room and grants
 * all come from our records (never from the request); a removed or un-booked person gets none.
 */
export async function mintRoomToken(
  actor: Actor,
  sessionId: string,
  opts: { table?: number } = {},
): Promise<RoomConnection> {
  const { session, staffIds } = await authorizeSession(actor, sessionId, "room.join");
  if (session.status === "ended" || session.status === "cancelled") throw conflict("This session is closed");
  let identity: string;
  let name: string;
  let role: ParticipantRole;
  let seat: Seat = { kind: "roaming" };
  let openObserver = false;
  if (actor.kind === "customer") {
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, actor.invitationId) });
    // "attended" is set by the webhook on the first join; a reconnect must still get a token.
    if (inv?.status !== "accepted" && inv?.status !== "attended") throw forbidden();
    if (inv.sessionId !== sessionId) throw notFound();
    if (inv.removedFromRoomAt) throw forbidden();
    const customer = await db.query.customers.findFirst({ where: eq(customers.id, actor.customerId) });
    identity = customerIdentity(inv.id);
    name = (customer?.name ?? "").split(/\s+/)[0] || "Guest";
    role = "customer";
    seat = { kind: "customer", invitationId: inv.id };
  } else if (actor.kind === "staff") {
    const staffSeat = await db.query.sessionStaff.findFirst({
      where: (s, { and: both }) => both(eq(s.sessionId, sessionId), eq(s.userId, actor.userId)),
    });
    identity = staffIdentity(actor.userId);
    name = actor.name;
    // Admins who are not on the staff list may look in, but only as observers; so may any staff
    // member in a mass immersion (authorizeSession let them through), hidden and up to the cap.
    role = staffSeat?.roomRole ?? "observer";
    const onList = Boolean(staffSeat) || session.facilitatorId === actor.userId;
    if (!onList && actor.role !== "admin" && session.format !== "mass_online") throw notFound();
    if (!onList && session.format === "mass_online") {
      openObserver = true;
      await assertOpenSeat(session, staffIds, identity);
    }
    if (session.facilitatorId === actor.userId) role = "facilitator";
    // Speakers and observers on the staff list rotate; the facilitator and a visiting admin roam.
    if (staffSeat && role !== "facilitator") seat = { kind: "rotating", userId: actor.userId };
  } else {
    throw notFound();
  }
  const at = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity,
    name,
    ttl: TOKEN_TTL_SECONDS,
    metadata: participantMetadata(role),
  });
  // Speed dating: the token is for exactly one table's room, chosen by our seating and clock.
  const placement = hasTables(session) ? await placeAtTable(session, seat, opts.table) : undefined;
  const roomName = placement?.roomName ?? session.roomName;
  // Open observers are always hidden: customers are told how many listen, never shown a crowd.
  at.addGrant(grantsFor(role, roomName, { observersHidden: session.observersHidden || openObserver }));
  const [staff] = await db
    .select({ n: count() })
    .from(sessionStaff)
    .where(eq(sessionStaff.sessionId, sessionId));
  await ensureRoom(roomName, roomSettingsFor(session, staff?.n ?? 0));
  // A story circle under way: whoever joins (or comes back) reads who is telling now.
  await shareStoryTurns(session, roomName);
  await audit(db, actor, "room_token", "session", sessionId);
  return { url: env.LIVEKIT_URL, token: await at.toJwt(), identity, role, roomName, placement };
}

/**
 * Mass immersion: staff not on the list listen in up to OPEN_OBSERVER_CAP at a time (a reconnect
 * of someone already in the room is not a new seat). LiveKit's participant cap is the backstop.
 */
async function assertOpenSeat(
  session: Pick<Session, "roomName" | "facilitatorId">,
  staffIds: string[],
  identity: string,
): Promise<void> {
  const listed = new Set([...staffIds, session.facilitatorId].map(staffIdentity));
  const present = await identitiesInRoom(session.roomName).catch((): string[] => []);
  if (present.includes(identity)) return;
  const open = present.filter((i) => isStaffIdentity(i) && !listed.has(i)).length;
  if (open >= OPEN_OBSERVER_CAP)
    throw conflict(`The room already has ${OPEN_OBSERVER_CAP} listeners from the team. Try again later.`);
}
