import "server-only";
import { RoomServiceClient } from "livekit-server-sdk";
import { env } from "@/env";

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
      console.warn(`[rooms] could not close a room: ${message}`);
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
