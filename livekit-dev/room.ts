import {
  ClientConfigSetting,
  ClientConfiguration,
  DataPacket,
  DataPacket_Kind,
  DisconnectReason,
  JoinResponse,
  LeaveRequest,
  LeaveRequest_Action,
  ParticipantInfo_State,
  Room as RoomInfo,
  RoomUpdate,
  ServerInfo,
  ServerInfo_Edition,
  type TrackInfo,
  TrackUnpublishedResponse,
  UserPacket,
} from "@livekit/protocol";
import { routeDataPacket } from "./data-routing";
import { newSid } from "./ids";
import type { MediaPeer } from "./media-peer";
import type { Participant, ParticipantHost } from "./participant";
import type { PublishedTrack } from "./published-track";

/** Version reported to clients; livekit-client gates RPC on >= 1.8.0. */
export const serverVersion = "1.9.0";

export type WebhookName =
  | "room_started"
  | "room_finished"
  | "participant_joined"
  | "participant_left"
  | "track_published"
  | "track_unpublished";

export interface RoomEvents {
  webhook(name: WebhookName, room: Room, extra: { participant?: Participant; track?: TrackInfo }): void;
  log(line: string): void;
  /** The set of participants changed; the registry runs the empty/departure timers from it. */
  occupancyChanged(room: Room): void;
}

export interface RoomSettings {
  emptyTimeout: number;
  departureTimeout: number;
  maxParticipants: number;
  metadata: string;
}

/** A room: its participants, and the rules for who sees, hears and receives what. */
export class Room implements ParticipantHost {
  readonly sid = newSid("RM_");
  readonly createdAtMs = Date.now();
  readonly participants = new Map<string, Participant>();
  /** True once anyone joined: decides between the empty and the departure timeout. */
  everJoined = false;
  closed = false;

  constructor(
    readonly name: string,
    public settings: RoomSettings,
    private readonly events: RoomEvents,
  ) {}

  info(): RoomInfo {
    // As LiveKit counts them: hidden participants too (only agents and recorders are left out).
    const everyone = [...this.participants.values()];
    return new RoomInfo({
      sid: this.sid,
      name: this.name,
      emptyTimeout: this.settings.emptyTimeout,
      departureTimeout: this.settings.departureTimeout,
      maxParticipants: this.settings.maxParticipants,
      metadata: this.settings.metadata,
      creationTime: BigInt(Math.floor(this.createdAtMs / 1000)),
      creationTimeMs: BigInt(this.createdAtMs),
      numParticipants: everyone.length,
      numPublishers: everyone.filter((p) => p.tracks.size > 0).length,
    });
  }

  byIdentity(identity: string): Participant | undefined {
    return [...this.participants.values()].find((p) => p.identity === identity);
  }

  /** Admits a participant and sends its JoinResponse; a duplicate identity replaces the older one. */
  join(participant: Participant): void {
    const existing = this.byIdentity(participant.identity);
    if (existing) this.remove(existing, DisconnectReason.DUPLICATE_IDENTITY);
    this.participants.set(participant.sid, participant);
    this.everJoined = true;
    participant.send({
      case: "join",
      value: new JoinResponse({
        room: this.info(),
        participant: participant.info(),
        otherParticipants: this.visibleOthers(participant).map((p) => p.info()),
        serverVersion,
        serverInfo: new ServerInfo({
          edition: ServerInfo_Edition.Standard,
          version: serverVersion,
          protocol: 16,
          nodeId: "livekit-dev",
        }),
        pingInterval: 5,
        pingTimeout: 15,
        subscriberPrimary: false,
        iceServers: [],
        // Resume is not implemented: tell the client to go straight to a full rejoin.
        clientConfiguration: new ClientConfiguration({ resumeConnection: ClientConfigSetting.DISABLED }),
      }),
    });
    this.broadcast(participant);
    this.events.log(
      `join room=${this.name} identity=${participant.identity}${participant.hidden ? " (hidden)" : ""}`,
    );
    this.events.occupancyChanged(this);
  }

  /** Everyone else who is connected and not hidden. */
  visibleOthers(participant: Participant): Participant[] {
    return [...this.participants.values()].filter((p) => p !== participant && !p.hidden && p.connected);
  }

  /** Sends a participant's fresh info to itself and, unless hidden, to everyone else. */
  broadcast(participant: Participant): void {
    const info = participant.info();
    participant.sendUpdate([info]);
    if (participant.hidden) return;
    for (const other of this.participants.values()) if (other !== participant) other.sendUpdate([info]);
  }

  onMediaConnected(participant: Participant): void {
    if (
      participant.state !== ParticipantInfo_State.JOINING &&
      participant.state !== ParticipantInfo_State.JOINED
    )
      return;
    participant.state = ParticipantInfo_State.ACTIVE;
    participant.changed();
    this.broadcast(participant);
    this.events.webhook("participant_joined", this, { participant });
  }

  onMediaFailed(participant: Participant): void {
    // werift gives up on a transport after 30 s without ICE consent (a starved event loop can
    // cause that) while the browser may still think it is connected. Ask the client to rejoin
    // from scratch, which gets it a fresh transport; LiveKit does the same with a leave(RECONNECT).
    this.events.log(`media failed room=${this.name} identity=${participant.identity}: asking it to rejoin`);
    participant.send({
      case: "leave",
      value: new LeaveRequest({
        reason: DisconnectReason.STATE_MISMATCH,
        action: LeaveRequest_Action.RECONNECT,
        canReconnect: true,
      }),
    });
    this.remove(participant, DisconnectReason.STATE_MISMATCH, false);
  }

  /** The tracks this participant should be receiving now. */
  tracksFor(subscriber: Participant): PublishedTrack[] {
    if (!subscriber.permissions.canSubscribe || !subscriber.connected) return [];
    const out: PublishedTrack[] = [];
    for (const publisher of this.participants.values()) {
      if (publisher === subscriber || publisher.hidden || !publisher.connected) continue;
      for (const track of publisher.tracks.values()) {
        const wanted = subscriber.subscriptionOverrides.get(track.sid) ?? subscriber.autoSubscribe;
        if (wanted) out.push(track);
      }
    }
    return out;
  }

  /** Runs between applying a participant's offer and answering it. */
  reconcile(participant: Participant, peer: MediaPeer): void {
    const changed = this.bindIncoming(participant, peer);
    const desired = this.tracksFor(participant);
    const desiredSids = new Set(desired.map((t) => t.sid));
    for (const sid of peer.attachedTrackSids()) if (!desiredSids.has(sid)) peer.detach(sid);
    const attachedNow = new Set(peer.attachedTrackSids());
    const shortfall = { audios: 0, videos: 0 };
    for (const track of desired) {
      if (attachedNow.has(track.sid)) continue;
      if (peer.attach(track, `${track.publisherSid}|${track.sid}`)) {
        // The subscriber decodes nothing until a key frame: ask now, and again once its
        // transport is likely up (werift drops RTP until DTLS is connected).
        track.requestKeyFrame();
        for (const delay of [600, 1500, 3000]) setTimeout(() => track.requestKeyFrame(), delay).unref();
      } else if (track.kind === "audio") shortfall.audios++;
      else shortfall.videos++;
    }
    // Let the answer go out first; then tell the others and ask for more sections if short.
    setImmediate(() => {
      if (changed.published.length > 0 || changed.unpublished.length > 0) {
        participant.changed();
        this.broadcast(participant);
        for (const t of changed.published) {
          this.events.log(
            `publish room=${this.name} identity=${participant.identity} track=${t.sid} ${t.kind}`,
          );
          this.events.webhook("track_published", this, { participant, track: t.info });
        }
        for (const t of changed.unpublished) this.afterUnpublish(participant, t);
        this.refreshAll(participant);
      }
      if (shortfall.audios > 0 || shortfall.videos > 0) participant.requestOffer(shortfall);
    });
  }

  /** Matches the browser's sending sections to the tracks it announced with addTrack. */
  private bindIncoming(participant: Participant, peer: MediaPeer) {
    const published: PublishedTrack[] = [];
    const unpublished: PublishedTrack[] = [];
    const incoming = peer.incoming();
    for (const transceiver of incoming) {
      if ([...participant.tracks.values()].some((t) => t.isFrom(transceiver))) continue;
      const pending = [...participant.pendingTracks.values()];
      const track =
        pending.find((t) => t.cid === transceiver.receiver.remoteTrackId) ??
        pending.find((t) => t.kind === transceiver.kind);
      if (!track) continue;
      participant.pendingTracks.delete(track.cid);
      track.info.mid = transceiver.mid ?? "";
      track.bind(transceiver);
      participant.tracks.set(track.sid, track);
      published.push(track);
    }
    // A section the browser stopped sending on means the track was unpublished client-side.
    for (const track of [...participant.tracks.values()]) {
      if (!incoming.some((t) => track.isFrom(t))) {
        participant.tracks.delete(track.sid);
        track.close();
        unpublished.push(track);
      }
    }
    return { published, unpublished };
  }

  private afterUnpublish(participant: Participant, track: PublishedTrack): void {
    this.events.log(`unpublish room=${this.name} identity=${participant.identity} track=${track.sid}`);
    this.events.webhook("track_unpublished", this, { participant, track: track.info });
  }

  /** Server-side unpublish (permission revoked): tells the publisher, then everyone. */
  unpublish(participant: Participant, track: PublishedTrack): void {
    participant.tracks.delete(track.sid);
    track.close();
    participant.send({
      case: "trackUnpublished",
      value: new TrackUnpublishedResponse({ trackSid: track.sid }),
    });
    participant.changed();
    this.broadcast(participant);
    this.afterUnpublish(participant, track);
    this.refreshAll(participant);
  }

  /** Asks every other participant whose subscriptions changed for a new offer. */
  refreshAll(except?: Participant): void {
    for (const p of this.participants.values()) if (p !== except) this.refresh(p);
  }

  /** Requests an offer from this participant if what it receives differs from what it should. */
  refresh(participant: Participant): void {
    if (!participant.connected) return;
    const desired = this.tracksFor(participant);
    const attached = new Set(participant.peer.attachedTrackSids());
    const desiredSids = new Set(desired.map((t) => t.sid));
    const toDetach = [...attached].some((sid) => !desiredSids.has(sid));
    const missing = desired.filter((t) => !attached.has(t.sid));
    if (!toDetach && missing.length === 0) return;
    const need = (kind: "audio" | "video") =>
      Math.max(0, missing.filter((t) => t.kind === kind).length - participant.peer.spareCount(kind));
    participant.requestOffer({ audios: need("audio"), videos: need("video") });
  }

  onData(sender: Participant, label: string, bytes: Uint8Array): void {
    if (label !== "_reliable" && label !== "_lossy") return;
    if (!sender.permissions.canPublishData) return;
    let packet: DataPacket;
    try {
      packet = DataPacket.fromBinary(bytes);
    } catch {
      return;
    }
    const others = [...this.participants.values()].filter((p) => p.connected);
    const routed = routeDataPacket(sender, packet, others);
    const out = routed.packet.toBinary();
    for (const recipient of routed.recipients) recipient.peer.sendData(label, out);
  }

  /** RoomService SendData: a user packet from "the server" (no sender identity). */
  sendServerData(
    payload: Uint8Array,
    kind: DataPacket_Kind,
    topic: string | undefined,
    destinations: string[],
  ): void {
    const packet = new DataPacket({
      kind,
      destinationIdentities: destinations,
      value: { case: "user", value: new UserPacket({ payload, topic, destinationIdentities: destinations }) },
    });
    const out = packet.toBinary();
    const label = kind === DataPacket_Kind.LOSSY ? "_lossy" : "_reliable";
    for (const p of this.participants.values()) {
      if (!p.connected) continue;
      if (destinations.length > 0 && !destinations.includes(p.identity)) continue;
      p.peer.sendData(label, out);
    }
  }

  setMetadata(metadata: string): void {
    this.settings.metadata = metadata;
    const room = this.info();
    for (const p of this.participants.values())
      p.send({ case: "roomUpdate", value: new RoomUpdate({ room }) });
  }

  /**
   * Takes a participant out: tells it why (unless it left on its own), tells the others it is
   * gone, detaches its tracks everywhere, and fires the webhooks.
   */
  remove(participant: Participant, reason: DisconnectReason, notify = true): void {
    if (!this.participants.has(participant.sid)) return;
    if (notify) {
      participant.send({
        case: "leave",
        value: new LeaveRequest({ reason, action: LeaveRequest_Action.DISCONNECT, canReconnect: false }),
      });
    }
    this.participants.delete(participant.sid);
    const tracks = [...participant.tracks.values()];
    participant.state = ParticipantInfo_State.DISCONNECTED;
    participant.changed();
    const info = participant.info();
    info.disconnectReason = reason;
    if (!participant.hidden) for (const other of this.participants.values()) other.sendUpdate([info]);
    void participant.close();
    for (const track of tracks) this.afterUnpublish(participant, track);
    this.events.webhook("participant_left", this, { participant });
    this.events.log(
      `leave room=${this.name} identity=${participant.identity} reason=${DisconnectReason[reason]}`,
    );
    this.refreshAll();
    this.events.occupancyChanged(this);
  }
}
