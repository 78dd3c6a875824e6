// Import FIRST (instead of test-env) in an integration test that needs a LiveKit server: the app's
// LIVEKIT_URL, key and secret must name that server before env.ts is read, and the server starts
// on that port later (startRoomLivekit). Which server follows LIVEKIT_TEST_SERVER (test-livekit.ts).
import "./test-env";
import { freePort } from "./ports";
import {
  livekitCredentials,
  livekitKind,
  startTestLivekit,
  type TestLivekit,
  type TestLivekitOptions,
} from "./test-livekit";

const port = await freePort();
const credentials = livekitCredentials[livekitKind()];
process.env.LIVEKIT_URL = `ws://127.0.0.1:${port}`;
process.env.LIVEKIT_API_KEY = credentials.apiKey;
process.env.LIVEKIT_API_SECRET = credentials.apiSecret;

/** Starts the test run's LiveKit server where the app expects it, with the app's key and secret. */
export function startRoomLivekit(
  options: Pick<TestLivekitOptions, "webhookUrl" | "departureTimeout" | "redisAddress" | "logLevel"> = {},
): Promise<TestLivekit> {
  return startTestLivekit({
    port,
    ...credentials,
    ...options,
    departureTimeout: options.departureTimeout ?? 1,
    emptyTimeout: 5,
  });
}
