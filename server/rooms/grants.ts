import "server-only";
import { TrackSource, type VideoGrant } from "livekit-server-sdk";
import type { RoomRole } from "@/lib/domain/room-roles";

export type ParticipantRole = RoomRole | "customer";

/**
 * The one mapping from a room role to LiveKit grants. Every grant is set explicitly (LiveKit's
 * defaults allow publishing): customers speak with microphone and camera only; observers listen
 * and may be hidden; only the facilitator is room admin, and only for this room. Nobody may publish
 * data: every room message is the server's (lib/room-messages.ts), and a hidden participant's data
 * would reach others with the sender blanked, indistinguishable from the server's.
 */
export function grantsFor(
  role: ParticipantRole,
  room: string,
  opts: { observersHidden: boolean },
): VideoGrant {
  const base = {
    room,
    roomJoin: true,
    canSubscribe: true,
    roomCreate: false,
    roomList: false,
    roomRecord: false,
    ingressAdmin: false,
    canUpdateOwnMetadata: false,
  };
  switch (role) {
    case "customer":
      return {
        ...base,
        canPublish: true,
        canPublishData: false,
        canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
        hidden: false,
        roomAdmin: false,
      };
    case "speaker":
      return {
        ...base,
        canPublish: true,
        canPublishData: false,
        canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
        hidden: false,
        roomAdmin: false,
      };
    case "observer":
      return {
        ...base,
        canPublish: false,
        canPublishData: false,
        canPublishSources: [],
        hidden: opts.observersHidden,
        roomAdmin: false,
      };
    case "facilitator":
      return {
        ...base,
        canPublish: true,
        canPublishData: false,
        canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA, TrackSource.SCREEN_SHARE],
        hidden: false,
        roomAdmin: true,
      };
  }
}
