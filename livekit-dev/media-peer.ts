import {
  useSdesMid as midExtension,
  // werift names its factories use*; renamed so the React hooks lint rule leaves them alone.
  useOPUS as opusCodec,
  type RTCDataChannel,
  RTCPeerConnection,
  type RTCRtpTransceiver,
  useRepairedRtpStreamId as repairedRidExtension,
  useSdesRTPStreamId as ridExtension,
  useVP8 as vp8Codec,
} from "werift";
import type { PublishedTrack } from "./published-track";

export interface MediaPeerEvents {
  onCandidate(candidateJson: string): void;
  onConnectionState(state: string): void;
  onData(label: string, bytes: Uint8Array): void;
  /** Called between applying an offer and answering it, so the owner can bind and attach. */
  reconcile(peer: MediaPeer): void;
}

interface Attachment {
  track: PublishedTrack;
  transceiver: RTCRtpTransceiver;
  stopPli: () => void;
}

/**
 * The participant's single werift peer connection (LiveKit's v1 signal path). The browser always
 * offers and we always answer: publisher tracks arrive on its sendonly sections, and we send
 * subscribed tracks on the spare recvonly sections it offers.
 */
export class MediaPeer {
  readonly pc: RTCPeerConnection;
  private readonly channels = new Map<string, RTCDataChannel>();
  private readonly attachments = new Map<string, Attachment>();
  /** A section that once carried a track is never reused: the browser's receiver keeps its old stream. */
  private readonly usedMids = new Set<string>();
  /** Reliable packets sent before the browser's channel opened, delivered once it does. */
  private readonly backlog: Uint8Array[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly events: MediaPeerEvents) {
    this.pc = new RTCPeerConnection({
      // werift defaults to a public STUN server, unreachable here and pointless on one machine.
      iceServers: [],
      codecs: { audio: [opusCodec()], video: [vp8Codec()] },
      headerExtensions: {
        audio: [midExtension()],
        // rid extensions let Chrome's default simulcast negotiate; we forward one layer.
        video: [midExtension(), ridExtension(), repairedRidExtension()],
      },
    });
    this.pc.onIceCandidate.subscribe((candidate) => {
      if (candidate) this.events.onCandidate(JSON.stringify(candidate.toJSON()));
    });
    this.pc.connectionStateChange.subscribe((state) => this.events.onConnectionState(state));
    this.pc.onDataChannel.subscribe((channel) => {
      this.channels.set(channel.label, channel);
      if (channel.label === "_reliable") {
        const flush = () => {
          while (channel.readyState === "open" && this.backlog.length > 0) {
            const next = this.backlog.shift();
            if (next) channel.send(Buffer.from(next));
          }
        };
        channel.stateChanged.subscribe(flush);
        flush();
      }
      channel.onMessage.subscribe((data) => {
        if (typeof data !== "string") this.events.onData(channel.label, new Uint8Array(data));
      });
    });
  }

  /** Applies an offer and returns the answer; offers are handled strictly one at a time. */
  answer(sdp: string): Promise<{ sdp: string; midToTrackId: Record<string, string> }> {
    const run = async () => {
      await this.pc.setRemoteDescription({ type: "offer", sdp });
      this.events.reconcile(this);
      const answer = await this.pc.createAnswer();
      await this.pc.setLocalDescription(answer);
      return { sdp: this.pc.localDescription?.sdp ?? answer.sdp, midToTrackId: this.midToTrackId() };
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => {});
    return result;
  }

  async addCandidate(candidateJson: string): Promise<void> {
    const init: unknown = JSON.parse(candidateJson);
    if (typeof init !== "object" || init === null || !("candidate" in init)) return;
    await this.pc.addIceCandidate(init as { candidate: string; sdpMid?: string; sdpMLineIndex?: number });
  }

  /** Transceivers on which the browser is currently sending media to us. */
  incoming(): RTCRtpTransceiver[] {
    return this.pc
      .getTransceivers()
      .filter((t) => !t.stopped && (t.offerDirection === "recvonly" || t.offerDirection === "sendrecv"));
  }

  attachedTrackSids(): string[] {
    return [...this.attachments.keys()];
  }

  private spare(kind: "audio" | "video"): RTCRtpTransceiver | undefined {
    return this.pc
      .getTransceivers()
      .find(
        (t) =>
          t.kind === kind &&
          !t.stopped &&
          t.mid !== null &&
          !this.usedMids.has(t.mid) &&
          (t.offerDirection === "sendonly" || t.offerDirection === "sendrecv"),
      );
  }

  /** Counts recvonly sections the browser still has free, by kind. */
  spareCount(kind: "audio" | "video"): number {
    return this.pc
      .getTransceivers()
      .filter(
        (t) =>
          t.kind === kind &&
          !t.stopped &&
          t.mid !== null &&
          !this.usedMids.has(t.mid) &&
          (t.offerDirection === "sendonly" || t.offerDirection === "sendrecv"),
      ).length;
  }

  /** Puts a published track on a spare section; only valid inside reconcile(). */
  attach(track: PublishedTrack, streamId: string): boolean {
    if (this.attachments.has(track.sid)) return true;
    const transceiver = this.spare(track.kind);
    if (!transceiver?.mid) return false;
    this.usedMids.add(transceiver.mid);
    transceiver.sender.streamId = streamId;
    transceiver.setDirection("sendonly");
    void transceiver.sender.replaceTrack(track.relay);
    const { unSubscribe } = transceiver.sender.onPictureLossIndication.subscribe(() =>
      track.requestKeyFrame(),
    );
    this.attachments.set(track.sid, { track, transceiver, stopPli: unSubscribe });
    return true;
  }

  /** Stops sending a track; the section goes inactive in the next answer. */
  detach(trackSid: string): void {
    const attachment = this.attachments.get(trackSid);
    if (!attachment) return;
    attachment.stopPli();
    void attachment.transceiver.sender.replaceTrack(null);
    attachment.transceiver.setDirection("inactive");
    this.attachments.delete(trackSid);
  }

  private midToTrackId(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const { track, transceiver } of this.attachments.values()) {
      if (transceiver.mid) map[transceiver.mid] = track.sid;
    }
    return map;
  }

  /** Sends a DataPacket on the channel of the same name the browser opened. */
  sendData(label: "_reliable" | "_lossy", bytes: Uint8Array): boolean {
    const channel = this.channels.get(label);
    if (channel?.readyState !== "open") {
      // Lossy data may be lost by definition; reliable data waits (bounded) for the channel.
      if (label === "_reliable" && this.backlog.length < 256) this.backlog.push(bytes);
      return false;
    }
    channel.send(Buffer.from(bytes));
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const sid of [...this.attachments.keys()]) this.detach(sid);
    await this.pc.close().catch(() => {});
  }
}
