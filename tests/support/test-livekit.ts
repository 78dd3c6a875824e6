// The LiveKit server a test runs against: the development server (in this process) by default, or
// the real LiveKit server (the pinned Go binary, in a child process) with LIVEKIT_TEST_SERVER=real.
// scripts/test.sh runs the LiveKit suites once with each. Both get their own free port, their own
// key and secret, and their own webhook target.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { findLivekitServer, startRealLivekitServer } from "@/livekit-dev/real-server";
import { type LivekitDevServer, startLivekitDevServer } from "@/livekit-dev/server";

export type LivekitKind = "dev" | "real";

/** Which server this test run uses: LIVEKIT_TEST_SERVER=dev (default) or real. */
export function livekitKind(): LivekitKind {
  const value = process.env.LIVEKIT_TEST_SERVER ?? "dev";
  if (value !== "dev" && value !== "real") throw new Error(`LIVEKIT_TEST_SERVER=${value}: use dev or real`);
  return value;
}

/** A readable name for test titles. */
export const livekitName = (kind = livekitKind()) =>
  kind === "real" ? "the real LiveKit server" : "the development server";

/** Each server's own credentials, so a test can never pass on the other one's key by accident. */
export const livekitCredentials: Record<LivekitKind, { apiKey: string; apiSecret: string }> = {
  dev: { apiKey: "devkey", apiSecret: "devsecret-devsecret-devsecret-0123" },
  real: { apiKey: "realkey", apiSecret: "realsecret-realsecret-realsecret-0123" },
};

export interface TestLivekitOptions {
  /** Signal + RoomService port; a free one when unset. */
  port?: number;
  /** Where webhooks go (e.g. the app's /api/livekit/webhook); none are sent when unset. */
  webhookUrl?: string;
  /** Seconds an unjoined room lives (default 300, as LiveKit). */
  emptyTimeout?: number;
  /** Seconds a room lives after its last participant left (default 20, as LiveKit). */
  departureTimeout?: number;
  /** Server log lines; silent by default, pass `console.log` to watch joins and publishes. */
  log?: (line: string) => void;
  apiKey?: string;
  apiSecret?: string;
  /** Overrides LIVEKIT_TEST_SERVER. */
  kind?: LivekitKind;
  /** Real server only: the Redis of a cluster. */
  redisAddress?: string;
  /** Real server only: its log level (warn by default; info also gives `nodeId`). */
  logLevel?: "debug" | "info" | "warn" | "error";
}

export interface TestLivekit {
  kind: LivekitKind;
  /** ws://127.0.0.1:<port> */
  url: string;
  /** http://127.0.0.1:<port>, for RoomServiceClient and plain fetches. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The development server itself, for tests that look inside; undefined on the real one. */
  dev: LivekitDevServer | undefined;
  /**
   * Waits until the webhooks sent so far were delivered: the development server's queue, or the
   * real server's requests through this process's relay (none in flight, none new for 300 ms).
   */
  drainWebhooks(): Promise<void>;
  /** What the server printed (real server), for a failing test's message. */
  output(): string;
  /** The real server's node id, when started at log level info. */
  nodeId(): string | undefined;
  close(): Promise<void>;
}

/** The real server's binary, or a clear error saying how to get it. */
export function realLivekitBinary(): string {
  const binary = findLivekitServer(process.env.LIVEKIT_SERVER_BIN, { useCache: true });
  if (!binary)
    throw new Error(
      "LIVEKIT_TEST_SERVER=real needs the real LiveKit server: run `bash scripts/ensure-livekit-server.sh` " +
        "(builds the pinned release with Go) or set LIVEKIT_SERVER_BIN",
    );
  return binary;
}

/**
 * Passes the real server's webhooks on to `target` unchanged (body bytes, Authorization,
 * Content-Type) and answers with the target's status, counting what is in flight so a test can
 * wait for delivery as it does with the development server's queue.
 */
async function startWebhookRelay(target: string) {
  let inFlight = 0;
  let lastActivity = 0;
  const server: Server = createServer((req, res) => {
    inFlight++;
    lastActivity = Date.now();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "authorization"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      fetch(target, { method: "POST", headers, body: Buffer.concat(chunks) })
        .then(async (out) => {
          res.writeHead(out.status).end(await out.text());
        })
        .catch(() => res.writeHead(502).end())
        .finally(() => {
          inFlight--;
          lastActivity = Date.now();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    async drain() {
      while (inFlight > 0 || Date.now() - lastActivity < 300) await new Promise((r) => setTimeout(r, 50));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function startTestLivekit(options: TestLivekitOptions = {}): Promise<TestLivekit> {
  const kind = options.kind ?? livekitKind();
  const apiKey = options.apiKey ?? livekitCredentials[kind].apiKey;
  const apiSecret = options.apiSecret ?? livekitCredentials[kind].apiSecret;
  if (kind === "dev") {
    const server = await startLivekitDevServer({
      port: options.port ?? 0,
      host: "127.0.0.1",
      apiKey,
      apiSecret,
      webhookUrls: options.webhookUrl ? [options.webhookUrl] : [],
      log: options.log ?? (() => {}),
      ...(options.emptyTimeout !== undefined && { emptyTimeout: options.emptyTimeout }),
      ...(options.departureTimeout !== undefined && { departureTimeout: options.departureTimeout }),
    });
    return {
      kind,
      url: server.url,
      httpUrl: server.url.replace(/^ws/, "http"),
      apiKey,
      apiSecret,
      dev: server,
      drainWebhooks: () => server.drainWebhooks(),
      output: () => "",
      nodeId: () => undefined,
      close: () => server.close(),
    };
  }
  const relay = options.webhookUrl ? await startWebhookRelay(options.webhookUrl) : undefined;
  const server = await startRealLivekitServer({
    binary: realLivekitBinary(),
    port: options.port ?? 0,
    apiKey,
    apiSecret,
    webhookUrls: relay ? [relay.url] : [],
    emptyTimeout: options.emptyTimeout,
    departureTimeout: options.departureTimeout,
    redisAddress: options.redisAddress,
    logLevel: options.logLevel,
    log: options.log,
  });
  return {
    kind,
    url: server.url,
    httpUrl: server.url.replace(/^ws/, "http"),
    apiKey,
    apiSecret,
    dev: undefined,
    drainWebhooks: async () => relay?.drain(),
    output: () => server.output(),
    nodeId: () => server.nodeId(),
    close: async () => {
      await server.close();
      await relay?.close();
    },
  };
}
