// Replays RTP recorded from a real browser publisher, so protocol-level bench participants send
// what Chromium sends (its Opus and VP8 at the same size, packet rate and bitrate) without a
// browser and an encoder each. A recording starts at a VP8 key frame and ends on a frame
// boundary; each pass restarts from that key frame, with timestamps, sequence numbers and VP8
// picture ids carried on, so a receiving browser sees one continuous stream.
import { RtpHeader, RtpPacket } from "werift";

export interface RecordedPacket {
  /** RTP timestamp relative to the first packet. */
  tsDelta: number;
  marker: boolean;
  payload: Buffer;
  /** VP8 picture id relative to the first packet's, when the descriptor carries one. */
  pictureIdDelta?: number;
}

export interface Recording {
  kind: "audio" | "video";
  clockRate: number;
  packets: RecordedPacket[];
  /** RTP time of one frame, added after the last packet before a pass starts again. */
  frameTicks: number;
}

interface Vp8Descriptor {
  keyFrameStart: boolean;
  /** Byte offset and width (7 or 15 bits) of the picture id, if present. */
  pictureId?: { offset: number; bits: 7 | 15; value: number };
}

/** Reads the VP8 payload descriptor (RFC 7741 §4.2) far enough to find key frames and picture ids. */
export function readVp8Descriptor(payload: Buffer): Vp8Descriptor {
  const first = payload[0] ?? 0;
  const extended = (first & 0x80) !== 0;
  const start = (first & 0x10) !== 0 && (first & 0x07) === 0;
  let offset = 1;
  let pictureId: Vp8Descriptor["pictureId"];
  if (extended) {
    const x = payload[offset++] ?? 0;
    if (x & 0x80) {
      const b = payload[offset] ?? 0;
      if (b & 0x80) {
        pictureId = { offset, bits: 15, value: ((b & 0x7f) << 8) | (payload[offset + 1] ?? 0) };
        offset += 2;
      } else {
        pictureId = { offset, bits: 7, value: b & 0x7f };
        offset += 1;
      }
    }
    if (x & 0x40) offset++;
    if (x & 0x30) offset++;
  }
  // The first byte of a VP8 frame header has the inverse key frame flag in its lowest bit.
  const keyFrameStart = start && ((payload[offset] ?? 1) & 0x01) === 0;
  return pictureId ? { keyFrameStart, pictureId } : { keyFrameStart };
}

/** Collects received packets into a recording; `take` answers whether it has enough. */
export class Recorder {
  private readonly packets: RecordedPacket[] = [];
  private firstTs: number | undefined;
  private firstPictureId = 0;
  private lastFrameEnd = 0;

  constructor(
    readonly kind: "audio" | "video",
    private readonly clockRate: number,
    private readonly seconds: number,
  ) {}

  add(packet: RtpPacket): void {
    if (this.done) return;
    const payload = Buffer.from(packet.payload);
    const vp8 = this.kind === "video" ? readVp8Descriptor(payload) : undefined;
    if (this.firstTs === undefined) {
      if (vp8 && !vp8.keyFrameStart) return;
      this.firstTs = packet.header.timestamp;
      this.firstPictureId = vp8?.pictureId?.value ?? 0;
    }
    const tsDelta = (packet.header.timestamp - this.firstTs + 2 ** 32) % 2 ** 32;
    const recorded: RecordedPacket = { tsDelta, marker: packet.header.marker, payload };
    if (vp8?.pictureId) {
      const modulo = 2 ** vp8.pictureId.bits;
      recorded.pictureIdDelta = (vp8.pictureId.value - this.firstPictureId + modulo) % modulo;
    }
    this.packets.push(recorded);
    if (this.kind === "audio" || packet.header.marker) this.lastFrameEnd = this.packets.length;
  }

  get done(): boolean {
    const last = this.packets[this.lastFrameEnd - 1];
    return last !== undefined && last.tsDelta >= this.seconds * this.clockRate;
  }

  recording(): Recording {
    const packets = this.packets.slice(0, this.lastFrameEnd);
    const frames = new Set(packets.map((p) => p.tsDelta)).size;
    const span = packets.at(-1)?.tsDelta ?? 0;
    return {
      kind: this.kind,
      clockRate: this.clockRate,
      packets,
      frameTicks: frames > 1 ? Math.round(span / (frames - 1)) : this.clockRate / 50,
    };
  }
}

/** Sends one recording in a loop to one track, paced by RTP time; call tick() often. */
export class RtpLoop {
  private index = 0;
  private passStartMs: number;
  /** Unwrapped RTP time; wrapped to 32 bits only on the wire. */
  private tsBase = Math.floor(Math.random() * 2 ** 31);
  private sequence = Math.floor(Math.random() * 2 ** 15);
  private pictureIdBase = 0;
  private nextPictureId = 0;
  private lastTs = 0;
  packetsSent = 0;

  constructor(
    private readonly recording: Recording,
    private readonly write: (packet: RtpPacket) => void,
    now = Date.now(),
  ) {
    this.passStartMs = now;
  }

  /** Starts a new pass (from the key frame) now, as an encoder answers a picture loss indication. */
  restart(now = Date.now()): void {
    if (this.index === 0) return;
    this.beginPass(now);
  }

  tick(now = Date.now()): void {
    const { packets, clockRate, frameTicks } = this.recording;
    for (;;) {
      const next = packets[this.index];
      if (!next) {
        const spanMs = (((packets.at(-1)?.tsDelta ?? 0) + frameTicks) / clockRate) * 1000;
        this.beginPass(this.passStartMs + spanMs);
        if (this.passStartMs > now) return;
        continue;
      }
      if (this.passStartMs + (next.tsDelta / clockRate) * 1000 > now) return;
      this.send(next);
      this.index++;
    }
  }

  private beginPass(atMs: number): void {
    const { clockRate, frameTicks } = this.recording;
    const elapsed = Math.round(((atMs - this.passStartMs) / 1000) * clockRate);
    // Never step backwards: a restart right after a frame still moves on by one frame.
    this.tsBase += Math.max(elapsed, this.lastTs - this.tsBase + frameTicks);
    this.pictureIdBase = this.nextPictureId;
    this.passStartMs = atMs;
    this.index = 0;
  }

  private send(recorded: RecordedPacket): void {
    const payload = Buffer.from(recorded.payload);
    if (recorded.pictureIdDelta !== undefined) {
      const descriptor = readVp8Descriptor(payload);
      const at = descriptor.pictureId;
      if (at) {
        const id = this.pictureIdBase + recorded.pictureIdDelta;
        this.nextPictureId = Math.max(this.nextPictureId, id + 1);
        if (at.bits === 15) {
          payload[at.offset] = 0x80 | ((id >> 8) & 0x7f);
          payload[at.offset + 1] = id & 0xff;
        } else payload[at.offset] = id & 0x7f;
      }
    }
    this.lastTs = this.tsBase + recorded.tsDelta;
    this.sequence = (this.sequence + 1) % 2 ** 16;
    const header = new RtpHeader({
      marker: recorded.marker,
      sequenceNumber: this.sequence,
      timestamp: this.lastTs % 2 ** 32,
    });
    this.write(new RtpPacket(header, payload));
    this.packetsSent++;
  }
}
