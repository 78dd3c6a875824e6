// Benchmark of the development LiveKit server: CPU and memory of the server process (a child, so
// the browsers and this driver are not counted) with 2, 5 and 10 real livekit-client participants
// in Chromium, all publishing audio, then all publishing audio and low-resolution video. Figures
// per participant. Bounded: each scenario has a fixed settle and measure window, and scenarios
// still to run are skipped once the overall budget is spent.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { BrowserParticipant, mintToken, startPageServer, waitFor } from "../e2e/livekit-dev/harness";
import { launchChromium } from "../support/chromium";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const apiKey = "benchkey";
const apiSecret = "bench-secret-bench-secret-bench-0123";
const settleMs = 3_000;
const measureMs = 6_000;
const budgetMs = 180_000;
const clockTicks = 100; // USER_HZ on Linux

interface ServerProcess {
  child: ChildProcess;
  url: string;
}

async function startServer(): Promise<ServerProcess> {
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
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
  return { child, url };
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpuSeconds: number; rssBytes: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  return { cpuSeconds: ticks / clockTicks, rssBytes: rssKb * 1024 };
}

async function stopServer(server: ServerProcess): Promise<void> {
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

interface Scenario {
  participants: number;
  video: boolean;
}

async function runScenario(
  browser: Browser,
  pageUrl: string,
  scenario: Scenario,
  deadline: number,
): Promise<string> {
  const server = await startServer();
  const pid = server.child.pid ?? 0;
  const people: BrowserParticipant[] = [];
  try {
    const idle = usage(pid);
    const room = `bench-${scenario.participants}-${scenario.video ? "av" : "a"}`;
    const ids = Array.from({ length: scenario.participants }, (_, i) => `p${i}`);
    people.push(...(await Promise.all(ids.map((id) => BrowserParticipant.open(browser, pageUrl, id)))));
    // One after another, as people arrive; ten simultaneous DTLS handshakes on two shared cores
    // can exceed the client's 15 s connect timeout, which would measure the machine, not the server.
    for (const p of people) {
      if (Date.now() > deadline) throw new Error("time budget spent while joining");
      await p.join(server.url, await mintToken({ apiKey, apiSecret }, p.identity, { room }));
      await p.publish({ audio: true, video: scenario.video, width: 320, height: 180 });
    }
    // Wait (bounded) until everyone receives everyone; measure anyway and report how many did,
    // since on two busy cores the largest room may not fully converge.
    const others = scenario.participants - 1;
    const receivingPairs = async () => {
      const seen = await Promise.all(people.map((p) => p.media().catch(() => ({}))));
      return seen
        .map(
          (m) =>
            Object.values(m).filter((x) => x.audioSamples > 0 && (!scenario.video || x.videoFrames > 0))
              .length,
        )
        .reduce((sum, n) => sum + n, 0);
    };
    const wanted = scenario.participants * others;
    await waitFor(receivingPairs, (n) => n >= wanted, 30_000).catch(() => {});
    await new Promise((r) => setTimeout(r, settleMs));
    const before = usage(pid);
    const started = Date.now();
    await new Promise((r) => setTimeout(r, measureMs));
    const after = usage(pid);
    const seconds = (Date.now() - started) / 1000;
    const cpuPercent = ((after.cpuSeconds - before.cpuSeconds) / seconds) * 100;
    const addedMb = (after.rssBytes - idle.rssBytes) / 1024 / 1024;
    const n = scenario.participants;
    const streams = n * others * (scenario.video ? 2 : 1);
    const pairs = await receivingPairs();
    return (
      `${n} participants, ${scenario.video ? "audio + 320x180 video" : "audio only"}: ` +
      `server CPU ${cpuPercent.toFixed(1)}% of one core (${(cpuPercent / n).toFixed(1)}% per participant), ` +
      `RSS ${(after.rssBytes / 1024 / 1024).toFixed(0)} MB (+${(addedMb / n).toFixed(1)} MB per participant over idle), ` +
      `${streams} forwarded streams, ${pairs}/${wanted} subscriber pairs decoding`
    );
  } finally {
    for (const p of people) await p.close().catch(() => {});
    await stopServer(server);
  }
}

/** Runs the scenarios and returns one human-readable line per scenario. */
export async function benchLivekitDev(): Promise<string[]> {
  const deadline = Date.now() + budgetMs;
  const lines = [
    "livekit-dev server (child process; CPU from /proc over 6 s once everyone decodes everyone; browsers not counted)",
  ];
  const pages = await startPageServer();
  const browser = await launchChromium();
  try {
    // Cheap scenarios first, so a slow machine still reports them within the budget.
    const scenarios: Scenario[] = [
      { participants: 2, video: false },
      { participants: 5, video: false },
      { participants: 2, video: true },
      { participants: 5, video: true },
      { participants: 10, video: false },
      { participants: 10, video: true },
    ];
    for (const scenario of scenarios) {
      const name = `${scenario.participants} participants, ${scenario.video ? "audio + video" : "audio only"}`;
      if (Date.now() > deadline) {
        lines.push(`${name}: skipped (time budget spent)`);
        continue;
      }
      try {
        lines.push(await runScenario(browser, pages.url, scenario, deadline));
      } catch (error) {
        const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        lines.push(`${name}: failed: ${message.slice(0, 200)}`);
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
