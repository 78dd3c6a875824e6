import "server-only";
import { log } from "@/server/log/logger";

const roomsLog = log.child({ component: "rooms" });

import { DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import { env } from "@/env";
import { encodeRoomMessage, type RoomMessage } from "@/lib/room-messages";
import { withHiddenListeners } from "@/lib/room-metadata";
import type { RoomSettings } from "./room-settings";

/** LiveKit's HTTP API lives at the same host as its signal URL. */
export const livekitHttpUrl = () => env.LIVEKIT_URL.replace(/^ws/, "http");

export const roomService = () =>
  new RoomServiceClient(livekitHttpUrl(), env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);

/** Closes a room so every participant is disconnected; a room that never opened is fine. */
export async function closeRoom(roomName: string): Promise<void> {
  try {
    await roomService().deleteRoom(roomName);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/does not exist|not found/i.test(message))
      roomsLog.warn({ reason: message }, "could not close a room");
  }
}

/**
 * Opens the room with its settings before anyone joins (LiveKit answers a room that is already
 * open as it is). When this fails the join still works: LiveKit then creates the room on the first
 * join with its server defaults, which is worse but not broken, so it is only logged.
 */
export async function ensureRoom(roomName: string, settings: RoomSettings): Promise<void> {
  try {
    await roomService().createRoom({ name: roomName, ...settings });
  } catch (error) {
    console.warn(`[rooms] could not create a room: ${error instanceof Error ? error.message : error}`);
  }
}

/** Whether the LiveKit server answers its API (for the health check). */
export async function livekitReachable(): Promise<boolean> {
  try {
    await roomService().listRooms();
    return true;
  } catch {
    return false;
  }
}

const isGone = (error: unknown) =>
  /does not exist|not found|not_found/i.test(error instanceof Error ? error.message : String(error));

/** Disconnects someone now; someone who already left is fine (the goal is reached). */
export async function removeFromRoom(roomName: string, identity: string): Promise<void> {
  try {
    await roomService().removeParticipant(roomName, identity);
  } catch (error) {
    if (!isGone(error)) throw error;
  }
}

/** Identities in the room right now (empty when the room is not open). */
export async function identitiesInRoom(roomName: string): Promise<string[]> {
  try {
    return (await roomService().listParticipants(roomName)).map((p) => p.identity);
  } catch (error) {
    if (isGone(error)) return [];
    throw error;
  }
}

/**
 * Sends a reliable data message to the listed identities only. LiveKit treats an empty list as
 * "everyone", so an empty list sends nothing: a staff-only or private message must never fall back
 * to a broadcast.
 */
export async function sendToIdentities(
  roomName: string,
  identities: readonly string[],
  message: RoomMessage,
): Promise<void> {
  if (identities.length === 0) return;
  const { topic, payload } = encodeRoomMessage(message);
  try {
    await roomService().sendData(roomName, payload, DataPacket_Kind.RELIABLE, {
      destinationIdentities: [...identities],
      topic,
    });
  } catch (error) {
    if (isGone(error)) return; // nobody is connected to receive it
    // The database already holds the change; a reload restores it, so a missed broadcast is not fatal.
    roomsLog.warn({ topic, err: error }, "could not send a room message");
  }
}

/**
 * Tells everyone in the room how many hidden listeners there are (customers see the number, not
 * the people), through the room's metadata, merged with whatever else the metadata holds.
 */
export async function publishHiddenListenerCount(roomName: string): Promise<void> {
  try {
    const api = roomService();
    const [room] = await api.listRooms([roomName]);
    if (!room) return;
    const hidden = (await api.listParticipants(roomName)).filter((p) => p.permission?.hidden).length;
    const metadata = withHiddenListeners(room.metadata, hidden);
    if (metadata !== null) await api.updateRoomMetadata(roomName, metadata);
  } catch (error) {
    if (!isGone(error)) roomsLog.warn({ err: error }, "could not update the listener count");
  }
}
