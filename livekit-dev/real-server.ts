// Starts the real LiveKit server (the Go binary `livekit-server`) on loopback for development and
// tests: its own free ports, keys and webhook targets, in a generated YAML config. The tests run
// the same suites against it and against the development server, so every difference shows.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** The pinned release; scripts/ensure-livekit-server.sh builds it into the cache below. */
export const LIVEKIT_SERVER_VERSION = "1.13.5";
export const cachedLivekitServer = path.resolve(
  `.cache/livekit-server/v${LIVEKIT_SERVER_VERSION}/livekit-server`,
);

export interface RealServerOptions {
  /** The binary; see findLivekitServer. */
  binary: string;
  /** Signal + RoomService port; 0 picks a free one. */
  port?: number;
  apiKey?: string;
  apiSecret?: string;
  webhookUrls?: string[];
  /** Seconds a room nobody joined lives (LiveKit's default 300). */
  emptyTimeout?: number;
  /** Seconds a room lives after its last participant left (LiveKit's default 20). */
  departureTimeout?: number;
  /** host:port of a Redis shared by the nodes of a cluster; a single node without it. */
  redisAddress?: string;
  /** LiveKit's own log level (default warn); its lines go to `log`. */
  logLevel?: "debug" | "info" | "warn" | "error";
  /** Receives each line the server prints; silent by default. */
  log?: (line: string) => void;
}

export interface RealLivekitServer {
  url: string;
  /** The server's process id (for CPU and memory figures). */
  pid: number;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Everything the server printed so far (for a failing test's message). */
  output(): string;
  /** The node's id (ND_…), read from its start-up line: known at log level info or debug. */
  nodeId(): string | undefined;
  close(): Promise<void>;
}

/**
 * The real server named by `LIVEKIT_SERVER_BIN`, else the cached pinned build (when `useCache`),
 * else `livekit-server` on the PATH; undefined when there is none.
 */
export function findLivekitServer(
  fromEnv: string | undefined,
  { useCache }: { useCache: boolean },
): string | undefined {
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LIVEKIT_SERVER_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  if (useCache && existsSync(cachedLivekitServer)) return cachedLivekitServer;
  try {
    return execFileSync("which", ["livekit-server"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A TCP port free on every interface (the RTC TCP port listens on all of them). */
function freeTcpPort(host = "0.0.0.0"): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, host, () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function udpFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    socket.once("error", () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, "0.0.0.0", () => socket.close(() => resolve(true)));
  });
}

/** `count` consecutive free UDP ports, from a random start above the kernel's ephemeral range. */
async function freeUdpRange(count: number): Promise<[number, number]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = 61_000 + Math.floor(Math.random() * (4_400 - count));
    let ok = true;
    for (let p = start; p < start + count && ok; p++) ok = await udpFree(p);
    if (ok) return [start, start + count - 1];
  }
  throw new Error(`no ${count} consecutive free UDP ports`);
}

/** The generated config: JSON is YAML, so no YAML library is needed. */
export function realServerConfig(o: {
  port: number;
  rtcTcpPort: number;
  udpRange: [number, number];
  apiKey: string;
  apiSecret: string;
  webhookUrls: string[];
  emptyTimeout: number;
  departureTimeout: number;
  redisAddress?: string;
  logLevel: string;
}): string {
  const config: Record<string, unknown> = {
    port: o.port,
    bind_addresses: ["127.0.0.1"],
    rtc: {
      tcp_port: o.rtcTcpPort,
      port_range_start: o.udpRange[0],
      port_range_end: o.udpRange[1],
      use_external_ip: false,
      // Set explicitly, so the server neither asks a public STUN server for its address nor
      // advertises the machine's other addresses.
      node_ip: "127.0.0.1",
      enable_loopback_candidate: true,
      interfaces: { includes: ["lo"] },
    },
    keys: { [o.apiKey]: o.apiSecret },
    room: { empty_timeout: o.emptyTimeout, departure_timeout: o.departureTimeout },
    logging: { level: o.logLevel, pion_level: "error" },
  };
  if (o.webhookUrls.length) config.webhook = { api_key: o.apiKey, urls: o.webhookUrls };
  if (o.redisAddress) config.redis = { address: o.redisAddress };
  return JSON.stringify(config, null, 2);
}

/** Starts the real server and resolves once its HTTP port answers. */
export async function startRealLivekitServer(options: RealServerOptions): Promise<RealLivekitServer> {
  const apiKey = options.apiKey ?? "realkey";
  const apiSecret = options.apiSecret ?? "realsecret-realsecret-realsecret-0123";
  const port = options.port || (await freeTcpPort("127.0.0.1"));
  const dir = mkdtempSync(path.join(tmpdir(), "livekit-real-"));
  const configFile = path.join(dir, "livekit.yaml");
  writeFileSync(
    configFile,
    realServerConfig({
      port,
      rtcTcpPort: await freeTcpPort(),
      udpRange: await freeUdpRange(40),
      apiKey,
      apiSecret,
      webhookUrls: options.webhookUrls ?? [],
      emptyTimeout: options.emptyTimeout ?? 300,
      departureTimeout: options.departureTimeout ?? 20,
      redisAddress: options.redisAddress,
      logLevel: options.logLevel ?? "warn",
    }),
  );
  let output = "";
  const log = options.log ?? (() => {});
  const child: ChildProcess = spawn(options.binary, ["--config", configFile], {
    stdio: ["ignore", "pipe", "pipe"],
    // Without the caller's LIVEKIT_* variables: the server reads some (LIVEKIT_KEYS, …) over its config.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith("LIVEKIT_")),
    ) as NodeJS.ProcessEnv,
  });
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    for (const line of text.split("\n")) if (line.trim()) log(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  // Never outlive the process that started it (a test run that crashes or is interrupted).
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      process.off("exit", killOnExit);
      resolve();
    }),
  );
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  const http = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      cleanup();
      throw new Error(`livekit-server exited at start (${child.exitCode ?? child.signalCode}):\n${output}`);
    }
    const ok = await fetch(http)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      cleanup();
      throw new Error(`livekit-server did not answer on ${http} within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    port,
    apiKey,
    apiSecret,
    output: () => output,
    nodeId: () => /"nodeID": "(ND_\w+)"/.exec(output)?.[1],
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // The first signal drains (waits for participants to leave), the second forces.
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGTERM"), 300);
        const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(force);
        clearTimeout(kill);
      }
      cleanup();
    },
  };
}
