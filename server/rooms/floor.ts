import "server-only";
import { eq } from "drizzle-orm";
import { TrackSource } from "livekit-server-sdk";
import { db } from "@/db";
import { sessionStaff } from "@/db/schema";
import { zFloor, zMuteTrack } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { conflict, notFound } from "@/server/errors";
import { authorizeSession } from "@/server/sessions/session-access";
import { broadcastToSessionStaff } from "./broadcast";
import { grantsFor } from "./grants";
import { parseIdentity } from "./identity";
import { publishHiddenListenerCount, roomService } from "./room-service";

/** Mutes one published track of a participant (LiveKit lets only its owner unmute it again). */
export async function muteParticipantTrack(
  actor: Actor,
  input: { sessionId: string; identity: string; trackSid: string },
): Promise<void> {
  const data = zMuteTrack.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.moderate");
  try {
    await roomService().mutePublishedTrack(session.roomName, data.identity, data.trackSid, true);
  } catch {
    throw conflict("That participant or track is no longer in the room");
  }
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
  try {
    await roomService().updateParticipant(session.roomName, data.identity, {
      permission: {
        canPublish: grants.canPublish ?? false,
        canSubscribe: true,
        canPublishData: grants.canPublishData ?? false,
        canPublishSources: grants.canPublishSources ?? [],
        hidden: grants.hidden ?? false,
        canUpdateMetadata: false,
      },
    });
  } catch {
    throw conflict("That participant is no longer in the room");
  }
  await audit(db, actor, data.grant ? "room_floor_grant" : "room_floor_revoke", "session", session.id);
  await publishHiddenListenerCount(session.roomName);
  await broadcastToSessionStaff(session, { type: "floor", identity: data.identity, grant: data.grant });
}
