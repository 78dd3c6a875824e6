import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type DevServerOptions, defaultOptions } from "./config";
import { admitJoin, JoinRefused } from "./join-admission";
import { RoomRegistry } from "./room-registry";
import { RoomService } from "./room-service";
import { SignalSocketServer } from "./signal-socket";
import { WebhookSender } from "./webhook-sender";

export interface LivekitDevServer {
  /** ws://host:port — what LIVEKIT_URL should be set to (the server SDK turns it into http). */
  url: string;
  port: number;
  apiKey: string;
  apiSecret: string;
  /** Rooms and participants, for tests and benchmarks that look inside. */
  registry: RoomRegistry;
  /** Waits until every webhook queued so far was attempted. */
  drainWebhooks(): Promise<void>;
  close(): Promise<void>;
}

const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "*",
};

/** Starts the development LiveKit-compatible server (signal, validate, RoomService, webhooks). */
export async function startLivekitDevServer(
  overrides: Partial<DevServerOptions> = {},
): Promise<LivekitDevServer> {
  const options: DevServerOptions = { ...defaultOptions, ...overrides };
  if (options.apiSecret.length < 32) throw new Error("apiSecret must be at least 32 characters");
  const webhooks = new WebhookSender(options.webhookUrls, options.apiKey, options.apiSecret, options.log);
  const registry = new RoomRegistry(options, webhooks);
  const roomService = new RoomService(options, registry);
  const signal = new SignalSocketServer(options, registry);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(corsHeaders)) res.setHeader(k, v);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "OPTIONS") {
      res.writeHead(204).end();
      return;
    }
    const twirp = /^\/twirp\/livekit\.RoomService\/(\w+)$/.exec(url.pathname);
    if (twirp?.[1]) {
      await roomService.handle(req, res, twirp[1]);
      return;
    }
    if (url.pathname === "/rtc/v1/validate") {
      try {
        await admitJoin(url.searchParams, options);
        res.writeHead(200, { "Content-Type": "text/plain" }).end("success");
      } catch (error) {
        const status = error instanceof JoinRefused ? error.status : 500;
        res
          .writeHead(status, { "Content-Type": "text/plain" })
          .end(error instanceof Error ? error.message : "error");
      }
      return;
    }
    if (url.pathname === "/" && req.method === "GET") {
      res.writeHead(200, { "Content-Type": "text/plain" }).end("OK");
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      options.log(`http error: ${error}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    signal.handleUpgrade(req, socket, head, url).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  options.log(`listening on ws://${host}:${port} (api key ${options.apiKey})`);

  return {
    url: `ws://${host}:${port}`,
    port,
    apiKey: options.apiKey,
    apiSecret: options.apiSecret,
    registry,
    drainWebhooks: () => webhooks.drain(),
    close: async () => {
      registry.closeAll();
      signal.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await webhooks.drain();
    },
  };
}
