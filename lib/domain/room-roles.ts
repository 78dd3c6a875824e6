/** The role a staff member takes in a session's room; each maps to LiveKit grants (server/rooms/grants.ts). */
export const ROOM_ROLES = ["facilitator", "speaker", "observer"] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

/** The roles that can be given to staff attending a session (the facilitator is the session's own). */
export const ATTENDING_ROOM_ROLES = ["speaker", "observer"] as const satisfies readonly RoomRole[];
