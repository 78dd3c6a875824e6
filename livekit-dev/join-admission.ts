import { AuthError, verifyToken } from "./auth";
import type { DevServerOptions } from "./config";
import { type Claims, type Permissions, permissionsFromGrant } from "./grants";
import { type JoinParams, JoinRequestError, parseV1Join } from "./join-request";
import type { RoomRegistry } from "./room-registry";

export interface AdmittedJoin {
  params: JoinParams;
  claims: Claims;
  identity: string;
  roomName: string;
  permissions: Permissions;
}

/** Why a join was refused, as the HTTP status and text LiveKit answers before any upgrade. */
export class JoinRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The checks a join must pass, shared by the WebSocket upgrade and the validate endpoint (which
 * the client calls only after a failed upgrade, to tell "not allowed" from "unreachable").
 */
export async function admitJoin(query: URLSearchParams, options: DevServerOptions): Promise<AdmittedJoin> {
  // LiveKit's order: the token first (its auth middleware answers 401 before the handler looks at
  // anything else), then the join request (400), then the grants.
  let claims: Claims;
  try {
    claims = await verifyToken(query.get("access_token"), options.apiKey, options.apiSecret);
  } catch (error) {
    if (error instanceof AuthError) throw new JoinRefused(error.status, error.message);
    throw error;
  }
  if (!claims.video) throw new JoinRefused(401, "permissions denied");
  let params: JoinParams;
  try {
    params = parseV1Join(query);
  } catch (error) {
    throw new JoinRefused(400, error instanceof JoinRequestError ? error.message : "bad request");
  }
  const video = claims.video;
  if (!video.roomJoin) throw new JoinRefused(401, "permissions denied: token has no roomJoin grant");
  if (!claims.sub) throw new JoinRefused(400, "identity cannot be empty");
  if (!video.room) throw new JoinRefused(400, "no room name");
  return {
    params,
    claims,
    identity: claims.sub,
    roomName: video.room,
    permissions: permissionsFromGrant(video),
  };
}

/**
 * Checked at the upgrade only, as LiveKit does when the participant joins the room: a full room
 * answers 500 there, and validate still says "success".
 */
export function refuseIfFull(registry: RoomRegistry, roomName: string): void {
  const room = registry.get(roomName);
  if (room && room.settings.maxParticipants > 0 && room.participants.size >= room.settings.maxParticipants)
    throw new JoinRefused(500, "room has exceeded its max participants");
}
