// Import FIRST (instead of test-env) in an integration test that needs the LiveKit development
// server: the app's LIVEKIT_URL must name a real port before env.ts is read, and the server
// starts on that port later (startRoomLivekit).
import "./test-env";
import { startLivekitDevServer } from "@/livekit-dev/server";
import { freePort } from "./ports";

const port = await freePort();
process.env.LIVEKIT_URL = `ws://127.0.0.1:${port}`;

/** Starts the development server where the app expects it, with the app's default key and secret. */
export function startRoomLivekit(options: { webhookUrl?: string; departureTimeout?: number } = {}) {
  return startLivekitDevServer({
    port,
    host: "127.0.0.1",
    webhookUrls: options.webhookUrl ? [options.webhookUrl] : [],
    departureTimeout: options.departureTimeout ?? 1,
    emptyTimeout: 5,
    log: () => {},
  });
}
