// Child process of the LiveKit bench hosting protocol-level participants (forked by
// node-participant-pool.ts). Decrypting every inbound SRTP stream and replaying RTP costs more
// CPU than the server itself in a 10-participant video room; in the driver, next to Playwright,
// that starved the peers and rooms did not converge. Here each pool has its own event loop.
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import type { PoolReply, PoolRequest, Tally } from "./node-participant-pool";
import { type Recording, RtpLoop } from "./rtp-loop";

interface Joined {
  participant: NodeParticipant;
  identity: string;
  loops: RtpLoop[];
}

const joined: Joined[] = [];

/** Buffers cross the IPC channel as plain Uint8Arrays; RTP payloads are Buffers again here. */
function revive(recording: Recording): Recording {
  return { ...recording, packets: recording.packets.map((p) => ({ ...p, payload: Buffer.from(p.payload) })) };
}

async function joinOne(
  serverUrl: string,
  identity: string,
  token: string,
  media: { audio: Recording; video: Recording },
  video: { width: number; height: number } | undefined,
): Promise<Joined> {
  const participant = await connectOnce(serverUrl, token, 15_000).catch(async (error: unknown) => {
    // Now and then (about one join in a 10-participant room) werift's DTLS handshake stalls
    // after ICE connects and never recovers; the server drops such a transport after 30 s. A
    // fresh join (a new transport) then connects, so one retry, with more patience.
    progress(`${identity} joins again: ${error instanceof Error ? error.message : String(error)}`);
    return await connectOnce(serverUrl, token, 30_000);
  });
  const loops: RtpLoop[] = [];
  const mic = await participant.publish("audio");
  loops.push(new RtpLoop(media.audio, (packet) => mic.track.writeRtp(packet)));
  if (video) {
    const camera = await participant.publish("video", video);
    const loop = new RtpLoop(media.video, (packet) => camera.track.writeRtp(packet));
    // As an encoder does: a picture loss indication gets a key frame.
    camera.transceiver.sender.onPictureLossIndication.subscribe(() => loop.restart());
    loops.push(loop);
  }
  return { participant, identity, loops };
}

async function connectOnce(serverUrl: string, token: string, timeoutMs: number): Promise<NodeParticipant> {
  const participant = await NodeParticipant.connect(serverUrl, token);
  try {
    await participant.waitConnected(timeoutMs);
    return participant;
  } catch (error) {
    await participant.leave().catch(() => {});
    throw error;
  }
}

function tally(): Tally {
  // By identity, not sid: a browser that reconnected publishes again under a new sid.
  const node: Tally = [];
  for (const { participant, identity } of joined) {
    const names = participant.identities();
    const sums = new Map<string, { audio: number; video: number }>();
    for (const [sid, r] of participant.received) {
      const key = `${identity}>${names.get(sid) ?? sid}`;
      const sum = sums.get(key) ?? { audio: 0, video: 0 };
      sums.set(key, { audio: sum.audio + r.audioPackets, video: sum.video + r.videoPackets });
    }
    node.push(...sums);
  }
  return node;
}

const pacer = setInterval(() => {
  const now = Date.now();
  for (const n of joined) for (const loop of n.loops) loop.tick(now);
}, 5);

/** On stderr, as the driver's own progress lines. */
function progress(line: string): void {
  console.error(`[livekit bench, protocol-level process ${process.pid}] ${line}`);
}

function reply(message: PoolReply): void {
  process.send?.(message);
}

async function handle(request: PoolRequest): Promise<void> {
  if (request.type === "join") {
    const media = { audio: revive(request.media.audio), video: revive(request.media.video) };
    const failed: { identity: string; message: string }[] = [];
    // One at a time per pool: several pools join meanwhile.
    for (const { identity, token } of request.participants) {
      if (Date.now() > request.deadline) {
        failed.push({ identity, message: "time budget spent while joining" });
        continue;
      }
      try {
        joined.push(await joinOne(request.serverUrl, identity, token, media, request.video));
      } catch (error) {
        failed.push({ identity, message: error instanceof Error ? error.message : String(error) });
      }
    }
    reply({ type: "joined", id: request.id, joined: joined.map((j) => j.identity), failed });
  } else if (request.type === "tally") {
    const errors = joined.flatMap(({ participant }) => participant.errors.map(String));
    reply({ type: "tally", id: request.id, tally: tally(), errors });
  } else {
    clearInterval(pacer);
    for (const { participant } of joined) await participant.leave().catch(() => {});
    reply({ type: "left", id: request.id });
    process.disconnect?.();
    process.exit(0);
  }
}

process.on("message", (request: PoolRequest) => void handle(request));
// The parent gone (killed, crashed): nothing left to report to.
process.on("disconnect", () => process.exit(0));
