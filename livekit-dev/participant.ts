import {
  MediaSectionsRequirement,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  ParticipantPermission,
  ParticipantUpdate,
  SignalResponse,
  SignalTarget,
  TrickleRequest,
} from "@livekit/protocol";
import type { Permissions } from "./grants";
import { newSid } from "./ids";
import { MediaPeer } from "./media-peer";
import type { PublishedTrack } from "./published-track";

/** How the participant's signal connection is reached; a WebSocket in practice. */
export interface SignalSink {
  send(message: SignalResponse): void;
  close(): void;
}

/** Callbacks from a participant to its room (kept as an interface so the two stay decoupled). */
export interface ParticipantHost {
  reconcile(participant: Participant, peer: MediaPeer): void;
  onMediaConnected(participant: Participant): void;
  onMediaFailed(participant: Participant): void;
  onData(participant: Participant, label: string, bytes: Uint8Array): void;
}

export interface ParticipantInit {
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permissions: Permissions;
  autoSubscribe: boolean;
}

/** A connected client: its public info (versioned), its tracks, and its one peer connection. */
export class Participant {
  readonly sid = newSid("PA_");
  readonly identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permissions: Permissions;
  readonly autoSubscribe: boolean;
  state = ParticipantInfo_State.JOINING;
  readonly joinedAtMs = Date.now();
  /** Published tracks whose media has arrived, by track sid. */
  readonly tracks = new Map<string, PublishedTrack>();
  /** Tracks announced with addTrack, waiting for their section in an offer, by cid. */
  readonly pendingTracks = new Map<string, PublishedTrack>();
  /** Track sids explicitly (un)subscribed with an UpdateSubscription. */
  readonly subscriptionOverrides = new Map<string, boolean>();
  readonly peer: MediaPeer;
  private version = 1;
  private lastPingAt = Date.now();
  /** Media sections requested from the browser and not yet seen in an offer. */
  private requestedSections: { audios: number; videos: number } | undefined;

  constructor(
    init: ParticipantInit,
    private readonly signal: SignalSink,
    host: ParticipantHost,
  ) {
    this.identity = init.identity;
    this.name = init.name;
    this.metadata = init.metadata;
    this.attributes = init.attributes;
    this.permissions = init.permissions;
    this.autoSubscribe = init.autoSubscribe;
    this.peer = new MediaPeer({
      onCandidate: (candidateJson) =>
        this.send({
          case: "trickle",
          value: new TrickleRequest({ candidateInit: candidateJson, target: SignalTarget.PUBLISHER }),
        }),
      onConnectionState: (state) => {
        if (state === "connected") host.onMediaConnected(this);
        if (state === "failed") host.onMediaFailed(this);
      },
      onData: (label, bytes) => host.onData(this, label, bytes),
      reconcile: (peer) => {
        this.requestedSections = undefined;
        host.reconcile(this, peer);
      },
    });
  }

  get hidden(): boolean {
    return this.permissions.hidden;
  }

  get connected(): boolean {
    return this.state !== ParticipantInfo_State.DISCONNECTED;
  }

  /** Bumps the version: clients ignore an info whose version is not above the last one seen. */
  changed(): void {
    this.version++;
  }

  info(): ParticipantInfo {
    const p = this.permissions;
    return new ParticipantInfo({
      sid: this.sid,
      identity: this.identity,
      name: this.name,
      metadata: this.metadata,
      attributes: this.attributes,
      state: this.state,
      version: this.version,
      joinedAt: BigInt(Math.floor(this.joinedAtMs / 1000)),
      joinedAtMs: BigInt(this.joinedAtMs),
      kind: ParticipantInfo_Kind.STANDARD,
      isPublisher: this.tracks.size > 0,
      tracks: [...this.tracks.values()].map((t) => t.info.clone()),
      permission: new ParticipantPermission({
        canPublish: p.canPublish,
        canSubscribe: p.canSubscribe,
        canPublishData: p.canPublishData,
        canPublishSources: p.canPublishSources,
        canUpdateMetadata: p.canUpdateMetadata,
        hidden: p.hidden,
      }),
    });
  }

  send(message: SignalResponse["message"]): void {
    if (this.state === ParticipantInfo_State.DISCONNECTED && message.case !== "leave") return;
    this.signal.send(new SignalResponse({ message }));
  }

  sendUpdate(infos: ParticipantInfo[]): void {
    if (infos.length > 0)
      this.send({ case: "update", value: new ParticipantUpdate({ participants: infos }) });
  }

  notePing(): void {
    this.lastPingAt = Date.now();
  }

  msSinceLastPing(): number {
    return Date.now() - this.lastPingAt;
  }

  /**
   * Asks the browser for a fresh offer (v1: the server never offers). We add sections only for
   * the shortfall not already requested, so repeated room changes do not pile up sections.
   */
  requestOffer(shortfall: { audios: number; videos: number }): void {
    const already = this.requestedSections;
    if (already && already.audios >= shortfall.audios && already.videos >= shortfall.videos) return;
    const numAudios = Math.max(0, shortfall.audios - (already?.audios ?? 0));
    const numVideos = Math.max(0, shortfall.videos - (already?.videos ?? 0));
    this.requestedSections = {
      audios: (already?.audios ?? 0) + numAudios,
      videos: (already?.videos ?? 0) + numVideos,
    };
    this.send({
      case: "mediaSectionsRequirement",
      value: new MediaSectionsRequirement({ numAudios, numVideos }),
    });
  }

  /** Closes the signal and media; the room has already told everyone. */
  async close(): Promise<void> {
    this.state = ParticipantInfo_State.DISCONNECTED;
    for (const track of [...this.tracks.values(), ...this.pendingTracks.values()]) track.close();
    this.signal.close();
    await this.peer.close();
  }
}
