// Starts the development LiveKit-compatible server in this process, on a free loopback port, for
// tests: `LIVEKIT_URL=url`, `LIVEKIT_API_KEY=apiKey`, `LIVEKIT_API_SECRET=apiSecret`.
import type { DevServerOptions } from "@/livekit-dev/config";
import { type LivekitDevServer, startLivekitDevServer } from "@/livekit-dev/server";

export interface TestLivekitOptions {
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
}

export interface TestLivekit {
  /** ws://127.0.0.1:<port> */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The running server, for tests that look inside (rooms, webhook queue). */
  server: LivekitDevServer;
  close(): Promise<void>;
}

export async function startTestLivekit(options: TestLivekitOptions = {}): Promise<TestLivekit> {
  const overrides: Partial<DevServerOptions> = {
    port: 0,
    host: "127.0.0.1",
    apiKey: options.apiKey ?? "devkey",
    apiSecret: options.apiSecret ?? "devsecret-devsecret-devsecret-0123",
    webhookUrls: options.webhookUrl ? [options.webhookUrl] : [],
    log: options.log ?? (() => {}),
  };
  if (options.emptyTimeout !== undefined) overrides.emptyTimeout = options.emptyTimeout;
  if (options.departureTimeout !== undefined) overrides.departureTimeout = options.departureTimeout;
  const server = await startLivekitDevServer(overrides);
  return {
    url: server.url,
    apiKey: server.apiKey,
    apiSecret: server.apiSecret,
    server,
    close: () => server.close(),
  };
}
