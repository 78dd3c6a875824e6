import "server-only";
import { isStaffIdentity } from "@/lib/domain/room-identity";
import { identitiesInRoom, sendToIdentities } from "./room-service";
import { sessionRoomNames } from "./speed-dating";

/** Data-message topics; the backroom topic only ever goes to staff identities. */
export const TOPIC_BACKROOM = "backroom";
export const TOPIC_NOTICE = "notice";

/**
 * Sends a backroom update to the staff currently in the room, by destination identity. The list
 * is taken from LiveKit at send time, filtered to `staff_` identities, so a customer can never be
 * a recipient, even one who joined a moment ago.
 */
export async function broadcastToStaff(roomName: string, payload: unknown): Promise<void> {
  const staff = (await identitiesInRoom(roomName).catch(() => [])).filter(isStaffIdentity);
  await sendToIdentities(roomName, staff, TOPIC_BACKROOM, payload);
}

/** The same, in every room of the session (each speed-dating table is its own room). */
export async function broadcastToSessionStaff(
  session: Parameters<typeof sessionRoomNames>[0],
  payload: unknown,
): Promise<void> {
  for (const name of sessionRoomNames(session)) await broadcastToStaff(name, payload);
}
