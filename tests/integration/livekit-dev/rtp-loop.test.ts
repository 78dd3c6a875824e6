// The bench's protocol-level publishers replay a recorded browser stream in a loop; a receiving
// browser only decodes it if each pass continues the previous one (sequence numbers, RTP time,
// VP8 picture ids) and starts on a key frame. Checked on its own and through the dev server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RtpHeader, RtpPacket } from "werift";
import { Recorder, type Recording, RtpLoop, readVp8Descriptor } from "../../bench/rtp-loop";
import { mintToken } from "../../e2e/livekit-dev/harness";
import { livekitName, startTestLivekit, type TestLivekit } from "../../support/test-livekit";
import { NodeParticipant } from "./node-participant";

/** A VP8 RTP payload: descriptor with a 15-bit picture id, then a frame header byte. */
function vp8Payload(pictureId: number, start: boolean, keyFrame: boolean): Buffer {
  const descriptor = [0x80 | (start ? 0x10 : 0), 0x80, 0x80 | ((pictureId >> 8) & 0x7f), pictureId & 0xff];
  return Buffer.from([...descriptor, keyFrame ? 0x10 : 0x11, 0xaa, 0xbb]);
}

/** Frames of two packets each at 30 fps; the key frame is the second frame. */
function synthetic(frames: number): RtpPacket[] {
  const out: RtpPacket[] = [];
  for (let f = 0; f < frames; f++)
    for (const part of [0, 1])
      out.push(
        new RtpPacket(
          new RtpHeader({
            sequenceNumber: 100 + out.length,
            timestamp: 5_000 + f * 3_000,
            marker: part === 1,
          }),
          vp8Payload(1_000 + f, part === 0, f === 1),
        ),
      );
  return out;
}

function record(packets: RtpPacket[], seconds: number): Recording {
  const recorder = new Recorder("video", 90_000, seconds);
  for (const p of packets) recorder.add(p);
  return recorder.recording();
}

describe("RTP loop", () => {
  it("records from the first key frame to a frame boundary", () => {
    const recording = record(synthetic(12), 0.2);
    expect(readVp8Descriptor(recording.packets[0]?.payload ?? Buffer.alloc(0)).keyFrameStart).toBe(true);
    expect(recording.packets[0]?.tsDelta).toBe(0);
    expect(recording.packets.at(-1)?.marker).toBe(true);
    expect(recording.packets.length % 2).toBe(0);
    expect(recording.frameTicks).toBe(3_000);
  });

  it("continues sequence numbers, RTP time and picture ids from one pass to the next", () => {
    const recording = record(synthetic(8), 0.1);
    const sent: RtpPacket[] = [];
    const loop = new RtpLoop(recording, (p) => sent.push(p), 0);
    for (let now = 0; now <= 1_000; now += 5) loop.tick(now);
    expect(sent.length).toBeGreaterThan(recording.packets.length * 2);
    for (let i = 1; i < sent.length; i++) {
      const [a, b] = [sent[i - 1], sent[i]];
      if (!a || !b) continue;
      expect((b.header.sequenceNumber - a.header.sequenceNumber + 65_536) % 65_536).toBe(1);
      expect(b.header.timestamp).toBeGreaterThanOrEqual(a.header.timestamp);
      const [pa, pb] = [readVp8Descriptor(a.payload).pictureId, readVp8Descriptor(b.payload).pictureId];
      expect((pb?.value ?? 0) - (pa?.value ?? 0)).toBeGreaterThanOrEqual(0);
      expect((pb?.value ?? 0) - (pa?.value ?? 0)).toBeLessThanOrEqual(1);
    }
    // Every pass starts on the key frame.
    const passStarts = sent.filter((_, i) => i % recording.packets.length === 0);
    for (const p of passStarts) expect(readVp8Descriptor(p.payload).keyFrameStart).toBe(true);
  });

  describe(`through ${livekitName()}`, () => {
    let lk: TestLivekit;
    beforeAll(async () => {
      lk = await startTestLivekit();
    });
    afterAll(async () => {
      await lk.close();
    });

    it("delivers a protocol-level participant's looped video to another one", async () => {
      const token = (identity: string) => mintToken(lk, identity, { room: "loop" });
      const publisher = await NodeParticipant.connect(lk.url, await token("camera"));
      const viewer = await NodeParticipant.connect(lk.url, await token("viewer"));
      const ids: number[] = [];
      viewer.onRemoteRtp = (kind, _from, packet) => {
        const id = readVp8Descriptor(packet.payload).pictureId?.value;
        if (kind === "video" && id !== undefined) ids.push(id);
      };
      try {
        await publisher.waitConnected();
        await viewer.waitConnected();
        const camera = await publisher.publish("video", { width: 320, height: 180 });
        const loop = new RtpLoop(record(synthetic(8), 0.1), (p) => camera.track.writeRtp(p));
        const pacer = setInterval(() => loop.tick(), 5);
        try {
          const deadline = Date.now() + 10_000;
          while (ids.length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        } finally {
          clearInterval(pacer);
        }
        expect(ids.length).toBeGreaterThanOrEqual(60);
        expect(viewer.received.get(publisher.join.participant?.sid ?? "")?.videoPackets).toBeGreaterThan(0);
        // Picture ids never go back, across passes, as a browser's frame buffer requires.
        for (let i = 1; i < ids.length; i++) expect(ids[i] ?? 0).toBeGreaterThanOrEqual(ids[i - 1] ?? 0);
      } finally {
        await publisher.leave();
        await viewer.leave();
      }
    });
  });
});
