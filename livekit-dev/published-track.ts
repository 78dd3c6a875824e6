import { type TrackInfo, TrackType } from "@livekit/protocol";
import { MediaStreamTrack, type RTCRtpTransceiver, type RtpPacket } from "werift";

// Chrome under LiveKit's default simulcast sends rids q/h/f, low to high. werift cannot send
// simulcast, so we forward a single layer: the lowest, because it is the one Chrome keeps
// sending when the bandwidth estimate is low (and without BWE feedback it stays low).
const layerPreference = ["q", "h", "f"];
const keyFrameMinIntervalMs = 300;

/**
 * One published track: the TrackInfo every client sees, plus a relay werift track that every
 * subscriber's sender is attached to. werift's senders rewrite SSRC, payload type, sequence
 * numbers and timestamps per subscriber, so the relay can carry the publisher's packets as is.
 */
export class PublishedTrack {
  readonly relay: MediaStreamTrack;
  private source: { transceiver: RTCRtpTransceiver; stop: () => void; ssrc?: number } | undefined;
  private lastKeyFrameRequest = 0;
  packetsIn = 0;

  constructor(
    readonly info: TrackInfo,
    /** The publisher's local MediaStreamTrack id, which is also the msid track id in its offer. */
    readonly cid: string,
    readonly publisherSid: string,
  ) {
    this.relay = new MediaStreamTrack({ kind: info.type === TrackType.VIDEO ? "video" : "audio" });
  }

  get sid(): string {
    return this.info.sid;
  }

  get kind(): "audio" | "video" {
    return this.info.type === TrackType.VIDEO ? "video" : "audio";
  }

  get bound(): boolean {
    return this.source !== undefined;
  }

  isFrom(transceiver: RTCRtpTransceiver): boolean {
    return this.source?.transceiver === transceiver;
  }

  /** Starts relaying the publisher's incoming RTP from this transceiver. */
  bind(transceiver: RTCRtpTransceiver): void {
    this.unbind();
    const tracks = transceiver.receiver.tracks;
    const byRid = (rid: string) => tracks.find((t) => t.rid === rid);
    const chosen =
      layerPreference.map(byRid).find((t) => t !== undefined) ?? tracks[0] ?? transceiver.receiver.track;
    const source: NonNullable<typeof this.source> = { transceiver, stop: () => {}, ssrc: chosen.ssrc };
    const { unSubscribe } = chosen.onReceiveRtp.subscribe((packet: RtpPacket) => {
      this.packetsIn++;
      source.ssrc = packet.header.ssrc;
      // The publisher's header extensions must not reach subscribers: werift merges them by id
      // into the outgoing packet, and their ids collide with the subscriber's own (MID), which
      // makes the receiving browser drop everything. The sender adds the subscriber's own set.
      packet.header.extensions = [];
      packet.header.extension = false;
      this.relay.writeRtp(packet);
    });
    source.stop = unSubscribe;
    this.source = source;
  }

  unbind(): void {
    this.source?.stop();
    this.source = undefined;
  }

  /** Asks the publisher for a key frame (PLI), so a newly attached subscriber can start decoding. */
  requestKeyFrame(): void {
    if (this.kind !== "video" || !this.source?.ssrc) return;
    const now = Date.now();
    if (now - this.lastKeyFrameRequest < keyFrameMinIntervalMs) return;
    this.lastKeyFrameRequest = now;
    void this.source.transceiver.receiver.sendRtcpPLI(this.source.ssrc);
  }

  close(): void {
    this.unbind();
  }
}
