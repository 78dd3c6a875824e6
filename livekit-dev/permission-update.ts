import type { ParticipantPermission } from "@livekit/protocol";
import type { Participant } from "./participant";
import type { Room } from "./room";

/**
 * Applies a RoomService permission change to a live participant, as LiveKit does: tracks it may no
 * longer publish are unpublished, and its subscriptions follow canSubscribe at once. The caller
 * then broadcasts, which also sends the participant its own update (ParticipantPermissionsChanged).
 */
export function applyPermission(
  room: Room,
  participant: Participant,
  permission: ParticipantPermission,
): void {
  const before = participant.permissions;
  participant.permissions = {
    canPublish: permission.canPublish,
    canSubscribe: permission.canSubscribe,
    canPublishData: permission.canPublishData,
    canPublishSources: [...permission.canPublishSources],
    canUpdateMetadata: permission.canUpdateMetadata,
    hidden: permission.hidden,
  };
  const allowed = (source: number) =>
    permission.canPublish &&
    (permission.canPublishSources.length === 0 || permission.canPublishSources.includes(source));
  for (const track of [...participant.tracks.values()]) {
    if (!allowed(track.info.source)) room.unpublish(participant, track);
  }
  for (const [cid, track] of participant.pendingTracks) {
    if (!allowed(track.info.source)) {
      participant.pendingTracks.delete(cid);
      track.close();
    }
  }
  if (before.canSubscribe !== participant.permissions.canSubscribe) room.refresh(participant);
  // Hiding or revealing changes who may receive this participant's tracks. As on LiveKit, the
  // others are not told that it became hidden: a hidden participant's updates go to itself only,
  // so they keep listing it as it was (revealing it again is broadcast as usual).
  if (before.hidden !== participant.permissions.hidden) room.refreshAll(participant);
}
