import "server-only";
import { db } from "@/db";
import { zCaption } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict } from "@/server/errors";
import { identitiesInRoom, sendToIdentities } from "./room-service";
import { sessionRoomNames } from "./speed-dating";

/**
 * A line of live captions, typed by a human captioner on the staff, to everyone in the room.
 * Deliberately not stored: captions are a transcript of what people said, and keeping one would
 * be a recording the guests did not agree to (consent "record" is separate). Recipients are named
 * one by one (LiveKit reads an empty list as "everyone"), so nobody joins mid-send by accident.
 */
export async function sendCaption(actor: Actor, input: { sessionId: string; text: string }): Promise<void> {
  const data = zCaption.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.caption");
  for (const name of sessionRoomNames(session)) {
    const everyone = await identitiesInRoom(name).catch(() => {
      throw conflict("The room cannot be reached right now");
    });
    await sendToIdentities(name, everyone, {
      topic: "caption",
      type: "caption",
      text: data.text,
      at: Date.now(),
    });
  }
  await audit(db, actor, "room_caption", "session", session.id);
}
