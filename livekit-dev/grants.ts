import { TrackSource } from "@livekit/protocol";
import { z } from "zod";

// Token sources are strings in the JWT ("camera"); the wire uses the protobuf enum.
const sourceByName: Record<string, TrackSource> = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
};

const videoGrantSchema = z
  .object({
    roomJoin: z.boolean().optional(),
    room: z.string().optional(),
    roomCreate: z.boolean().optional(),
    roomList: z.boolean().optional(),
    roomAdmin: z.boolean().optional(),
    canPublish: z.boolean().optional(),
    canSubscribe: z.boolean().optional(),
    canPublishData: z.boolean().optional(),
    canPublishSources: z.array(z.string()).optional(),
    canUpdateOwnMetadata: z.boolean().optional(),
    hidden: z.boolean().optional(),
  })
  .loose();

export const claimsSchema = z
  .object({
    sub: z.string().optional(),
    name: z.string().optional(),
    metadata: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    video: videoGrantSchema.optional(),
  })
  .loose();

export type Claims = z.infer<typeof claimsSchema>;
export type VideoGrant = z.infer<typeof videoGrantSchema>;

/** What a participant may do, with LiveKit's defaults applied to unset grants. */
export interface Permissions {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  /** Empty means every source. */
  canPublishSources: TrackSource[];
  canUpdateMetadata: boolean;
  hidden: boolean;
}

/** Applies LiveKit's grant defaults: publish/subscribe on, data follows publish, metadata off. */
export function permissionsFromGrant(video: VideoGrant): Permissions {
  const canPublish = video.canPublish ?? true;
  return {
    canPublish,
    canSubscribe: video.canSubscribe ?? true,
    canPublishData: video.canPublishData ?? canPublish,
    canPublishSources: (video.canPublishSources ?? []).flatMap((name) => {
      const source = sourceByName[name.toLowerCase()];
      return source === undefined ? [] : [source];
    }),
    canUpdateMetadata: video.canUpdateOwnMetadata ?? false,
    hidden: video.hidden ?? false,
  };
}

/** Whether a track of this source may be published under these permissions. */
export function mayPublishSource(p: Permissions, source: TrackSource): boolean {
  if (!p.canPublish) return false;
  return p.canPublishSources.length === 0 || p.canPublishSources.includes(source);
}
