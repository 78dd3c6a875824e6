import { z } from "zod";

/** Everything the development server can be told; every field has a development default. */
export interface DevServerOptions {
  /** TCP port for signal, validate and RoomService; 0 picks a free one. */
  port: number;
  /** Interface to listen on; loopback unless the caller deliberately widens it. */
  host: string;
  apiKey: string;
  apiSecret: string;
  /** Where webhooks are POSTed; none are sent when unset. */
  webhookUrls: string[];
  /** Seconds a room nobody joined lives (real LiveKit: 300). */
  emptyTimeout: number;
  /** Seconds a room lives after its last participant left (real LiveKit: 20). */
  departureTimeout: number;
  /** One line per join/leave/publish; tests pass a silent logger. */
  log: (line: string) => void;
}

export const defaultOptions: DevServerOptions = {
  port: 7880,
  host: "127.0.0.1",
  apiKey: "devkey",
  apiSecret: "devsecret-devsecret-devsecret-0123",
  webhookUrls: [],
  emptyTimeout: 300,
  departureTimeout: 20,
  log: (line) => console.log(`[livekit-dev] ${line}`),
};

const seconds = z.coerce.number().nonnegative();

// Env is untrusted text: parse it once, fail loudly on nonsense (a 10-char secret would make every
// token the app mints unverifiable by real LiveKit too, so we refuse it here as well).
const envSchema = z.object({
  LIVEKIT_DEV_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  LIVEKIT_DEV_HOST: z.string().min(1).optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(32, "LIVEKIT_API_SECRET must be at least 32 characters").optional(),
  LIVEKIT_WEBHOOK_URL: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : []))
    .pipe(z.array(z.url())),
  LIVEKIT_DEV_EMPTY_TIMEOUT: seconds.optional(),
  LIVEKIT_DEV_DEPARTURE_TIMEOUT: seconds.optional(),
});

/** Reads the server's settings from an environment (process.env by default). */
export function optionsFromEnv(env: Record<string, string | undefined>): DevServerOptions {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const e = envSchema.parse(blankToUndefined);
  return {
    ...defaultOptions,
    port: e.LIVEKIT_DEV_PORT ?? defaultOptions.port,
    host: e.LIVEKIT_DEV_HOST ?? defaultOptions.host,
    apiKey: e.LIVEKIT_API_KEY ?? defaultOptions.apiKey,
    apiSecret: e.LIVEKIT_API_SECRET ?? defaultOptions.apiSecret,
    webhookUrls: e.LIVEKIT_WEBHOOK_URL,
    emptyTimeout: e.LIVEKIT_DEV_EMPTY_TIMEOUT ?? defaultOptions.emptyTimeout,
    departureTimeout: e.LIVEKIT_DEV_DEPARTURE_TIMEOUT ?? defaultOptions.departureTimeout,
  };
}
