import "server-only";
import type { Session } from "@/db/schema";

/**
 * What LiveKit is told when a session's room is created (RoomService CreateRoom, before the first
 * token is handed out), instead of its server-wide defaults.
 *
 * - `emptyTimeout`: a room made for a token nobody used closes after 10 minutes.
 * - `departureTimeout`: after the last person leaves, the room (and its metadata, such as the
 *   hidden-listener count) stays for 2 minutes, so a dropped connection or a reload comes back to
 *   the same room. The session itself does not end with the room (server/sessions/auto-end-session.ts).
 * - `maxParticipants`: the booked seats (per table for speed dating), every staff member on the
 *   list, and a margin for a visiting admin and a reconnect that briefly counts twice. Mass
 *   immersion adds the open observers' cap.
 */
export type RoomSettings = { emptyTimeout: number; departureTimeout: number; maxParticipants: number };

export const ROOM_EMPTY_TIMEOUT_S = 600;
export const ROOM_DEPARTURE_TIMEOUT_S = 120;
const MARGIN = 3;
/** Mass immersion: how many staff may listen in without being on the session's list. */
export const OPEN_OBSERVER_CAP = 50;

export function roomSettingsFor(
  session: Pick<Session, "format" | "seats" | "tableCount">,
  staffCount: number,
): RoomSettings {
  const guests =
    session.format === "speed_dating" && session.tableCount
      ? Math.ceil(session.seats / session.tableCount)
      : session.seats;
  const open = session.format === "mass_online" ? OPEN_OBSERVER_CAP : 0;
  return {
    emptyTimeout: ROOM_EMPTY_TIMEOUT_S,
    departureTimeout: ROOM_DEPARTURE_TIMEOUT_S,
    maxParticipants: guests + staffCount + open + MARGIN,
  };
}
