import "server-only";
import { isStaffIdentity } from "@/lib/domain/room-identity";
import type { BackroomMessage } from "@/lib/room-messages";
import { identitiesInRoom, sendToIdentities } from "./room-service";
import { sessionRoomNames } from "./speed-dating";

/**
 * Sends a backroom update to the staff currently in the room, by destination identity. The list
 * is taken from LiveKit at send time, filtered to `staff_` identities, so a customer can never be
 * a recipient, even one who joined a moment ago.
 */
export async function broadcastToStaff(roomName: string, message: BackroomMessage): Promise<void> {
  const staff = (await identitiesInRoom(roomName).catch(() => [])).filter(isStaffIdentity);
  await sendToIdentities(roomName, staff, message);
}

/** The same, in every room of the session (each speed-dating table is its own room). */
export async function broadcastToSessionStaff(
  session: Parameters<typeof sessionRoomNames>[0],
  message: BackroomMessage,
): Promise<void> {
  for (const name of sessionRoomNames(session)) await broadcastToStaff(name, message);
}
