import "server-only";
import { eq } from "drizzle-orm";
import { TrackSource } from "livekit-server-sdk";
import { db } from "@/db";
import { type Session, sessionStaff } from "@/db/schema";
import { parseIdentity } from "@/lib/domain/room-identity";
import { HIDDEN_LISTENER_ATTRIBUTE } from "@/lib/room-attributes";
import { zFloor, zMuteTrack } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";
import { broadcastToSessionStaff } from "./broadcast";
import { grantsFor } from "./grants";
import { identitiesInRoom, publishHiddenListenerCount, roomService } from "./room-service";
import { sessionRoomNames } from "./speed-dating";

/** Mutes one published track of a participant (LiveKit lets only its owner unmute it again). */
export async function muteParticipantTrack(
  actor: Actor,
  input: { sessionId: string; identity: string; trackSid: string },
): Promise<void> {
  const data = zMuteTrack.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.moderate");
  // A speed-dating participant is in one of the table rooms; the others answer "not found".
  const done = await inSomeRoom(session, (name) =>
    roomService().mutePublishedTrack(name, data.identity, data.trackSid, true),
  );
  if (!done) throw conflict("That participant or track is no longer in the room");
  await audit(db, actor, "room_mute", "session", session.id);
}

/**
 * Gives a listening staff member the floor (microphone, visible to the room) or takes it back,
 * live, without a new token. Taking it back restores exactly the grants of their room role, so a
 * hidden observer is hidden again and their microphone track is unpublished by LiveKit.
 */
export async function setFloor(
  actor: Actor,
  input: { sessionId: string; identity: string; grant: boolean },
): Promise<void> {
  const data = zFloor.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.moderate");
  const who = parseIdentity(data.identity);
  if (who.kind !== "staff") throw notFound("Participant not found");
  const seat = await db.query.sessionStaff.findFirst({
    where: (s, { and: both }) => both(eq(s.sessionId, session.id), eq(sessionStaff.userId, who.userId)),
  });
  const role = who.userId === session.facilitatorId ? "facilitator" : (seat?.roomRole ?? "observer");
  if (role !== "observer") throw conflict("Only a listening observer needs to be given the floor");
  const grants = data.grant
    ? { ...grantsFor("speaker", session.roomName, session), canPublishSources: [TrackSource.MICROPHONE] }
    : grantsFor("observer", session.roomName, { observersHidden: session.observersHidden });
  const room = await firstRoomWith(session, data.identity);
  const permission = {
    canPublish: grants.canPublish ?? false,
    canSubscribe: true,
    canPublishData: grants.canPublishData ?? false,
    canPublishSources: grants.canPublishSources ?? [],
    hidden: grants.hidden ?? false,
    canUpdateMetadata: false,
  };
  try {
    if (!room) throw new Error("not in any room");
    // Hiding again: LiveKit tells nobody else once a participant is hidden, so first, while still
    // visible, take the microphone and mark it (everyone receives that), then hide it.
    if (permission.hidden)
      await roomService().updateParticipant(room, data.identity, {
        attributes: { [HIDDEN_LISTENER_ATTRIBUTE]: "true" },
        permission: { ...permission, hidden: false },
      });
    await roomService().updateParticipant(room, data.identity, {
      permission,
      ...(!permission.hidden && { attributes: { [HIDDEN_LISTENER_ATTRIBUTE]: "" } }),
    });
  } catch {
    throw conflict("That participant is no longer in the room");
  }
  await audit(db, actor, data.grant ? "room_floor_grant" : "room_floor_revoke", "session", session.id);
  // Staff first (their pages show who holds the floor), then the count the customers see.
  await broadcastToSessionStaff(session, {
    topic: "backroom",
    type: "floor",
    identity: data.identity,
    grant: data.grant,
  });
  if (room) await publishHiddenListenerCount(room);
}

async function inSomeRoom(session: Session, fn: (roomName: string) => Promise<unknown>): Promise<boolean> {
  for (const name of sessionRoomNames(session)) {
    try {
      await fn(name);
      return true;
    } catch {
      // Not in this room; try the next table.
    }
  }
  return false;
}

async function firstRoomWith(session: Session, identity: string): Promise<string | null> {
  for (const name of sessionRoomNames(session))
    if ((await identitiesInRoom(name).catch((): string[] => [])).includes(identity)) return name;
  return null;
}
