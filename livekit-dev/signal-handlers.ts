import {
  type AddTrackRequest,
  DisconnectReason,
  Pong,
  RequestResponse,
  RequestResponse_Reason,
  SessionDescription,
  type SignalRequest,
  TrackInfo,
  TrackPublishedResponse,
  TrackType,
} from "@livekit/protocol";
import { mayPublishSource } from "./grants";
import { newSid } from "./ids";
import type { Participant } from "./participant";
import { PublishedTrack } from "./published-track";
import type { Room } from "./room";

/** Answers an offer from the browser (v1: every offer comes from it) with the same id. */
export async function answerOffer(participant: Participant, sdp: string, id: number): Promise<void> {
  const answer = await participant.peer.answer(sdp);
  participant.send({
    case: "answer",
    value: new SessionDescription({ type: "answer", sdp: answer.sdp, id, midToTrackId: answer.midToTrackId }),
  });
}

function refuse(participant: Participant, message: string, request: RequestResponse["request"]): void {
  participant.send({
    case: "requestResponse",
    value: new RequestResponse({ reason: RequestResponse_Reason.NOT_ALLOWED, message, request }),
  });
}

function announceTrack(participant: Participant, req: AddTrackRequest): void {
  if (!mayPublishSource(participant.permissions, req.source)) {
    // The real server refuses the same way; the client rejects publishTrack with this reason.
    refuse(participant, "does not have permission to publish this source", { case: "addTrack", value: req });
    return;
  }
  const video = req.type === TrackType.VIDEO;
  const info = new TrackInfo({
    sid: newSid("TR_"),
    type: req.type,
    name: req.name,
    source: req.source,
    muted: req.muted,
    width: req.width,
    height: req.height,
    // Reported as the client declared it; subscribers still receive only one layer (see README).
    simulcast: req.layers.length > 1,
    layers: req.layers,
    mimeType: video ? "video/VP8" : "audio/opus",
    disableDtx: req.disableDtx,
    stereo: req.stereo,
    disableRed: req.disableRed,
    stream: req.stream,
    encryption: req.encryption,
    audioFeatures: req.audioFeatures,
  });
  const track = new PublishedTrack(info, req.cid, participant.sid);
  participant.pendingTracks.set(req.cid, track);
  participant.send({
    case: "trackPublished",
    value: new TrackPublishedResponse({ cid: req.cid, track: info }),
  });
}

function setMuted(room: Room, participant: Participant, sid: string, muted: boolean): void {
  const track =
    participant.tracks.get(sid) ?? [...participant.pendingTracks.values()].find((t) => t.sid === sid);
  if (!track || track.info.muted === muted) return;
  track.info.muted = muted;
  participant.changed();
  room.broadcast(participant);
}

/** Handles one message from a participant's signal connection. */
export async function handleSignalRequest(
  room: Room,
  participant: Participant,
  request: SignalRequest,
): Promise<void> {
  const msg = request.message;
  switch (msg.case) {
    case "offer":
      await answerOffer(participant, msg.value.sdp, msg.value.id);
      return;
    case "trickle":
      await participant.peer.addCandidate(msg.value.candidateInit);
      return;
    case "addTrack":
      announceTrack(participant, msg.value);
      return;
    case "mute":
      setMuted(room, participant, msg.value.sid, msg.value.muted);
      return;
    case "subscription": {
      const sids = [...msg.value.trackSids, ...msg.value.participantTracks.flatMap((pt) => pt.trackSids)];
      for (const sid of sids) participant.subscriptionOverrides.set(sid, msg.value.subscribe);
      room.refresh(participant);
      return;
    }
    case "updateMetadata": {
      if (!participant.permissions.canUpdateMetadata) {
        refuse(participant, "does not have permission to update own metadata", {
          case: "updateMetadata",
          value: msg.value,
        });
        return;
      }
      const { name, metadata, attributes } = msg.value;
      if (name) participant.name = name;
      if (metadata) participant.metadata = metadata;
      participant.attributes = { ...participant.attributes, ...attributes };
      participant.changed();
      room.broadcast(participant);
      return;
    }
    case "leave":
      room.remove(participant, DisconnectReason.CLIENT_INITIATED, false);
      return;
    case "ping":
      participant.notePing();
      participant.send({ case: "pong", value: BigInt(Date.now()) });
      return;
    case "pingReq":
      participant.notePing();
      participant.send({
        case: "pongResp",
        value: new Pong({ lastPingTimestamp: msg.value.timestamp, timestamp: BigInt(Date.now()) }),
      });
      return;
    default:
      // trackSetting, updateLayers, subscriptionPermission, syncState, simulate, audio/video track
      // updates and data tracks: accepted and ignored (no adaptive stream or layer selection here).
      return;
  }
}
