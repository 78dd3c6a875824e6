// Benchmark of the LiveKit servers: CPU and memory of the server process (a child, so the
// participants and this driver are not counted) with 2, 5 and 10 participants, all publishing
// audio, then all publishing audio and low-resolution video. Figures per participant. Each room is
// run on the real LiveKit server (the anchor) and then on the development server, in the same run.
//
// Up to three participants are real livekit-client rooms in Chromium with fake camera and
// microphone: they prove that what the server forwards decodes. The rest are protocol-level
// participants (werift, tests/integration/livekit-dev/node-participant.ts) that publish RTP
// recorded from a browser's own Opus and VP8 at the same size, and subscribe to everyone. Ten
// browsers with fake media saturate two shared cores (joins time out, encoders stall), which
// would measure the machine rather than the server; the server sees the same signal, the same
// peer connections and the same packet rate either way.
//
// Bounded: each scenario has a fixed settle and measure window, and scenarios still to run are
// skipped once the overall budget is spent.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { LIVEKIT_SERVER_VERSION, startRealLivekitServer } from "../../livekit-dev/real-server";
import {
  BrowserParticipant,
  type MediaSeen,
  mintToken,
  startPageServer,
  waitFor,
} from "../e2e/livekit-dev/harness";
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import { launchChromium } from "../support/chromium";
import { realLivekitBinary } from "../support/test-livekit";
import { NodeParticipantPool } from "./node-participant-pool";
import { Recorder, type Recording } from "./rtp-loop";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const apiKey = "benchkey";
const apiSecret = "bench-secret-bench-secret-bench-0123";
const settleMs = 2_000;
const measureMs = 6_000;
/** Both servers: each scenario runs twice. */
const budgetMs = 450_000;
const recordSeconds = 4;
const clockTicks = 100; // USER_HZ on Linux

export type BenchServer = "real" | "dev";

interface ServerProcess {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(kind: BenchServer = "dev"): Promise<ServerProcess> {
  if (kind === "real") {
    const real = await startRealLivekitServer({
      binary: realLivekitBinary(),
      apiKey,
      apiSecret,
      log: process.env.LIVEKIT_BENCH_VERBOSE
        ? (line) => process.stderr.write(`  [real] ${line}\n`)
        : undefined,
    });
    return { pid: real.pid, url: real.url, stop: () => real.close() };
  }
  const child = spawn(process.execPath, ["--import", "tsx", "livekit-dev/main.ts"], {
    cwd: root,
    env: { ...process.env, LIVEKIT_DEV_PORT: "0", LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20_000);
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      const match = /listening on (ws:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on("data", (chunk) => (out += chunk));
    // LIVEKIT_BENCH_VERBOSE=1 shows the server's own lines (one per join, leave and publish).
    if (process.env.LIVEKIT_BENCH_VERBOSE)
      for (const stream of [child.stdout, child.stderr])
        stream?.on("data", (chunk) => process.stderr.write(`  [server] ${chunk}`));
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { pid: child.pid ?? 0, url, stop: () => stopChild(child) };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds: ticks / clockTicks, rssBytes: rssKb * 1024 };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

interface Scenario {
  participants: number;
  video: boolean;
}

interface Media {
  audio: Recording;
  video: Recording;
}

const maxBrowsers = 3;
/** Child processes hosting the protocol-level participants: one per core. */
const nodePools = 2;
const benchStarted = Date.now();

/** Progress on stderr, so a slow run shows where it is; the report itself goes to stdout. */
function progress(line: string): void {
  console.error(`[livekit bench ${Math.round((Date.now() - benchStarted) / 1000)} s] ${line}`);
}
const video = { width: 320, height: 180 };
const serverName: Record<BenchServer, string> = { real: "real LiveKit", dev: "livekit-dev" };

/**
 * Records a few seconds of what the server forwards from one browser publishing audio and
 * 320x180 video: the stream the protocol-level publishers then replay.
 */
export async function recordBrowserMedia(browser: Browser, pageUrl: string): Promise<Media> {
  try {
    return await recordOnce(browser, pageUrl);
  } catch (error) {
    progress(`recording again: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return await recordOnce(browser, pageUrl);
  }
}

async function recordOnce(browser: Browser, pageUrl: string): Promise<Media> {
  const server = await startServer();
  const room = "bench-recording";
  const publisher = await BrowserParticipant.open(browser, pageUrl, "recorded");
  let listener: NodeParticipant | undefined;
  try {
    await publisher.join(server.url, await mintToken({ apiKey, apiSecret }, "recorded", { room }));
    listener = await NodeParticipant.connect(
      server.url,
      await mintToken({ apiKey, apiSecret }, "recorder", { room, canPublish: false }),
    );
    const audio = new Recorder("audio", 48_000, recordSeconds);
    const camera = new Recorder("video", 90_000, recordSeconds);
    listener.onRemoteRtp = (kind, _from, packet) => (kind === "audio" ? audio : camera).add(packet);
    await publisher.publish({ audio: true, video: true, ...video });
    await waitFor(
      async () => audio.done && camera.done,
      (done) => done,
      20_000,
      "a recording of the browser's audio and video",
    );
    return { audio: audio.recording(), video: camera.recording() };
  } finally {
    await listener?.leave().catch(() => {});
    await publisher.close().catch(() => {});
    await server.stop();
  }
}

/** Joins a browser participant; once more on a fresh page if the first connect fails. */
async function joinBrowser(
  browser: Browser,
  pageUrl: string,
  serverUrl: string,
  identity: string,
  room: string,
): Promise<BrowserParticipant> {
  for (let attempt = 1; ; attempt++) {
    const p = await BrowserParticipant.open(browser, pageUrl, identity);
    try {
      await p.join(serverUrl, await mintToken({ apiKey, apiSecret }, identity, { room }));
      return p;
    } catch (error) {
      await p.close().catch(() => {});
      if (attempt >= 2) throw error;
    }
  }
}

/** What each subscriber has received so far from each publisher, keyed "subscriber>publisher". */
type Tally = Map<string, { audio: number; video: number }>;

export async function receiving(browsers: BrowserParticipant[], pools: NodeParticipantPool[]) {
  const browser: Tally = new Map();
  const [seen, fromPools] = await Promise.all([
    Promise.all(browsers.map((p) => p.media().catch((): Record<string, MediaSeen> => ({})))),
    Promise.all(pools.map((pool) => pool.tally())),
  ]);
  browsers.forEach((p, i) => {
    for (const [from, m] of Object.entries(seen[i] ?? {}))
      browser.set(`${p.identity}>${from}`, { audio: m.audioSamples, video: m.videoFrames });
  });
  const node: Tally = new Map(fromPools.flatMap((r) => r.tally));
  return { browser, node, errors: fromPools.flatMap((r) => r.errors) };
}

/** Pairs whose audio (and video, if published) grew between two tallies. */
export function growing(
  before: { browser: Tally; node: Tally },
  after: { browser: Tally; node: Tally },
  withVideo: boolean,
): { browser: number; node: number } {
  const count = (a: Tally, b: Tally) =>
    [...b].filter(([key, x]) => {
      const was = a.get(key) ?? { audio: 0, video: 0 };
      return x.audio > was.audio && (!withVideo || x.video > was.video);
    }).length;
  return { browser: count(before.browser, after.browser), node: count(before.node, after.node) };
}

async function runScenario(
  browser: Browser,
  pageUrl: string,
  media: Media,
  scenario: Scenario,
  deadline: number,
  kind: BenchServer,
): Promise<{ line: string; cpuPerParticipant: number }> {
  const server = await startServer(kind);
  const pid = server.pid;
  const browsers: BrowserParticipant[] = [];
  // Protocol-level participants live in child processes of their own: in this driver, next to
  // Playwright, seven of them decrypting ~126 inbound SRTP streams starved one core and the
  // 10-participant video room never converged. The server's work is the same either way.
  const pools: NodeParticipantPool[] = [];
  const nodeIdentities: string[] = [];
  try {
    const idle = usage(pid);
    const n = scenario.participants;
    const browserCount = Math.min(n, maxBrowsers);
    const room = `bench-${n}-${scenario.video ? "av" : "a"}`;
    const startedAt = Date.now();
    // Browsers one after another: simultaneous DTLS handshakes of several Chromium pages on two
    // shared cores can exceed the client's 15 s connect timeout, which would measure the
    // machine, not the server. Protocol-level participants: one at a time per pool, meanwhile.
    const joinBrowsers = async () => {
      for (let i = 0; i < browserCount; i++) {
        if (Date.now() > deadline) throw new Error("time budget spent while joining");
        const p = await joinBrowser(browser, pageUrl, server.url, `browser-${i}`, room);
        browsers.push(p);
        await p.publish({ audio: true, video: scenario.video, ...video });
      }
    };
    const notJoined: string[] = [];
    const identities = Array.from({ length: n - browserCount }, (_, i) => `node-${browserCount + i}`);
    const poolCount = Math.min(nodePools, identities.length);
    for (let i = 0; i < poolCount; i++) pools.push(NodeParticipantPool.start());
    const joinNodes = async (pool: NodeParticipantPool, mine: string[]) => {
      const participants = await Promise.all(
        mine.map(async (identity) => ({
          identity,
          token: await mintToken({ apiKey, apiSecret }, identity, { room }),
        })),
      );
      const result = await pool.join({
        serverUrl: server.url,
        participants,
        media,
        video: scenario.video ? video : undefined,
        deadline,
      });
      for (const { identity, message } of result.failed) {
        // Measured anyway, with one participant fewer, and said so in the line.
        progress(`${identity} could not join: ${message}`);
        notJoined.push(identity);
      }
      nodeIdentities.push(...result.joined);
    };
    await Promise.all([
      joinBrowsers(),
      ...pools.map((pool, i) =>
        joinNodes(
          pool,
          identities.filter((_, j) => j % poolCount === i),
        ),
      ),
    ]);
    const joinedAt = Date.now();
    const joined = browsers.length + nodeIdentities.length;
    const others = joined - 1;
    const tally = () => receiving(browsers, pools);
    const wanted = { browser: browsers.length * others, node: nodeIdentities.length * others };
    // Wait (bounded) until every subscriber receives every publisher; measure anyway and report
    // how many did, since on two busy cores the largest room may not fully converge.
    const converge = Date.now() + 20_000;
    let last = await tally();
    for (;;) {
      await new Promise((r) => setTimeout(r, 1_000));
      const now = await tally();
      const flowing = growing(last, now, scenario.video);
      last = now;
      if ((flowing.browser >= wanted.browser && flowing.node >= wanted.node) || Date.now() > converge) {
        if (flowing.browser < wanted.browser)
          for (const p of browsers) {
            const snap = await p.snapshot().catch(() => undefined);
            progress(
              `${p.identity}: ${snap?.state}, ${snap?.remoteInfo.length} remote, ${snap?.subscribed.length} subscribed, disconnect ${snap?.disconnectReason}`,
            );
          }
        if (flowing.browser < wanted.browser || flowing.node < wanted.node) {
          const all = [...browsers.map((p) => p.identity), ...nodeIdentities];
          const still = all.flatMap((to) => all.filter((from) => from !== to).map((from) => `${to}>${from}`));
          const stalled = still.filter((key) => {
            const x = now.browser.get(key) ?? now.node.get(key);
            return !x || x.audio === 0 || (scenario.video && x.video === 0);
          });
          progress(`never received anything: ${stalled.length} pairs: ${stalled.slice(0, 40).join(" ")}`);
        }
        progress(
          `joined in ${Math.round((joinedAt - startedAt) / 1000)} s; receiving: ${flowing.browser}/${wanted.browser} browser pairs, ${flowing.node}/${wanted.node} protocol-level pairs`,
        );
        break;
      }
    }
    await new Promise((r) => setTimeout(r, settleMs));
    const first = await tally();
    const before = usage(pid);
    const driverBefore = usage(process.pid);
    const poolsBefore = pools.map((pool) => usage(pool.pid));
    const started = Date.now();
    await new Promise((r) => setTimeout(r, measureMs));
    const after = usage(pid);
    const driverAfter = usage(process.pid);
    const poolsAfter = pools.map((pool) => usage(pool.pid));
    const end = await tally();
    const got = growing(first, end, scenario.video);
    const seconds = (Date.now() - started) / 1000;
    const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100;
    const addedMb = (after.rssBytes - idle.rssBytes) / 1024 / 1024;
    const streams = joined * others * (scenario.video ? 2 : 1);
    const percent = (a: { cpuSeconds: number }, b: { cpuSeconds: number }) =>
      `${(((b.cpuSeconds - a.cpuSeconds) / seconds) * 100).toFixed(0)}%`;
    // Not part of the figure: shows whether the load generators kept up.
    progress(
      `during the window: driver CPU ${percent(driverBefore, driverAfter)}` +
        (pools.length > 0
          ? `, protocol-level processes ${poolsBefore.map((b, i) => percent(b, poolsAfter[i] ?? b)).join(" + ")}`
          : ""),
    );
    if (end.errors.length > 0) progress(`protocol-level signal errors: ${end.errors.join("; ")}`);
    const who =
      nodeIdentities.length === 0
        ? `${browsers.length} browsers`
        : `${browsers.length} browsers + ${nodeIdentities.length} protocol-level`;
    const line =
      `${serverName[kind]}: ${joined} participants (${who}${notJoined.length > 0 ? `; ${notJoined.length} of ${n} could not join` : ""}), ${scenario.video ? `audio + ${video.width}x${video.height} video` : "audio only"}: ` +
      `server CPU ${cpuPercent.toFixed(1)}% of one core (${(cpuPercent / joined).toFixed(1)}% per participant), ` +
      `RSS ${(after.rssBytes / 1024 / 1024).toFixed(0)} MB (+${(addedMb / joined).toFixed(1)} MB per participant over idle), ` +
      `${streams} forwarded streams; subscriber pairs receiving during the window: ` +
      (got.browser < wanted.browser || got.node < wanted.node
        ? "NOT ALL (figure understates a full room): "
        : "") +
      `${got.browser}/${wanted.browser} into browsers (decoded)` +
      (nodeIdentities.length > 0 ? `, ${got.node}/${wanted.node} into protocol-level (RTP packets)` : "");
    return { line, cpuPerParticipant: cpuPercent / joined };
  } finally {
    for (const p of browsers) await p.close().catch(() => {});
    await Promise.all(pools.map((pool) => pool.close()));
    await server.stop();
  }
}

/** Runs the scenarios and returns one human-readable line per scenario. */
export async function benchLivekitDev(onlyParticipants?: number): Promise<string[]> {
  const deadline = Date.now() + budgetMs;
  const lines = [
    `each room on the real LiveKit server ${LIVEKIT_SERVER_VERSION} (the anchor) and on livekit-dev, each a child process; CPU from /proc over ${measureMs / 1000} s, after waiting up to 20 s for everyone to receive everyone; participants and driver not counted`,
    `participants: up to ${maxBrowsers} browsers (livekit-client in Chromium, fake camera and microphone, decoding checked from WebRTC stats); ` +
      "the rest protocol-level (werift over the v1 signal, replaying RTP recorded from a browser's Opus and VP8, receipt counted per publisher)",
  ];
  const pages = await startPageServer();
  const browser = await launchChromium();
  try {
    progress("recording a browser's audio and video");
    const media = await recordBrowserMedia(browser, pages.url);
    const kbps = (r: Recording) =>
      (r.packets.reduce((sum, p) => sum + p.payload.length, 0) * 8) /
      1000 /
      (((r.packets.at(-1)?.tsDelta ?? 0) + r.frameTicks) / r.clockRate);
    lines.push(
      `recorded from a browser: audio ${media.audio.packets.length} packets (${kbps(media.audio).toFixed(0)} kbit/s), ` +
        `video ${media.video.packets.length} packets (${kbps(media.video).toFixed(0)} kbit/s)`,
    );
    // Cheap scenarios first, so a slow machine still reports them within the budget.
    const scenarios: Scenario[] = [
      { participants: 2, video: false },
      { participants: 5, video: false },
      { participants: 10, video: false },
      { participants: 2, video: true },
      { participants: 5, video: true },
      { participants: 10, video: true },
    ];
    for (const scenario of scenarios) {
      if (onlyParticipants && scenario.participants !== onlyParticipants) continue;
      let anchor: number | undefined;
      for (const kind of ["real", "dev"] as const) {
        const name = `${serverName[kind]}: ${scenario.participants} participants, ${scenario.video ? "audio + video" : "audio only"}`;
        if (Date.now() > deadline) {
          lines.push(`${name}: skipped (time budget spent)`);
          continue;
        }
        progress(name);
        try {
          const result = await runScenario(browser, pages.url, media, scenario, deadline, kind);
          if (kind === "real") anchor = result.cpuPerParticipant;
          const ratio =
            kind === "dev" && anchor
              ? ` — ${(result.cpuPerParticipant / anchor).toFixed(1)}× the real server's CPU per participant`
              : "";
          lines.push(`${result.line}${ratio}`);
        } catch (error) {
          const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
          lines.push(`${name}: failed: ${message.slice(0, 200)}`);
        }
      }
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  return lines;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  for (const line of await benchLivekitDev()) console.log(line);
  console.log(`(bench took ${Math.round((Date.now() - started) / 1000)} s)`);
}
