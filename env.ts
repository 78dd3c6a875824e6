// The only reader of process.env. Parsed once with zod, so a missing or malformed setting fails at
// boot rather than on first use. Imported by next.config.ts, which makes `next build` check it too.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", ""]).transform((v) => v === "true" || v === "1");

const isProduction = process.env.NODE_ENV === "production" && process.env.IMMERSION_DEMO !== "true";

// Development defaults. They let `npm run dev` start with nothing configured; production must set
// every secret (checked below), so these can never sign a real cookie or token.
const DEV_AUTH_SECRET = "dev-only-auth-secret-do-not-use-in-production-0000";
const DEV_LIVEKIT_SECRET = "devsecret-devsecret-devsecret-0123";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url().default("http://localhost:3000"),
  DATABASE_URL: z.string().min(1).default("file:data/immersion.db"),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  DATABASE_SYNC_URL: z
    .string()
    .regex(/^(libsql|https?):\/\//, "must be a libsql://, http:// or https:// URL")
    .optional(),
  DATABASE_SYNC_INTERVAL_SECONDS: z.coerce.number().min(0.1).max(3600).default(1),
  MIGRATE_ON_START: bool.default(!isProduction),
  AUTH_SECRET: z.string().min(32).default(DEV_AUTH_SECRET),
  AUTH_OIDC_ISSUER: z.url().optional(),
  AUTH_OIDC_CLIENT_ID: z.string().optional(),
  AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
  AUTH_OIDC_NAME: z.string().default("Company SSO"),
  // Staff sign in only through the company identity provider: no emailed sign-in links at all.
  AUTH_SSO_ONLY: bool.default(false),
  IMMERSION_DEMO: bool.default(!isProduction),
  LIVEKIT_URL: z
    .string()
    .regex(/^wss?:\/\//, "must be a ws:// or wss:// URL")
    .default("ws://127.0.0.1:7880"),
  LIVEKIT_API_KEY: z.string().min(1).default("devkey"),
  LIVEKIT_API_SECRET: z.string().min(32).default(DEV_LIVEKIT_SECRET),
  // `npm run dev` only: the real LiveKit server binary to run instead of the development server
  // (`none` keeps the development server even when `livekit-server` is on the PATH).
  LIVEKIT_SERVER_BIN: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .default("smtp://127.0.0.1:1025"),
  MAIL_FROM: z.string().min(3).default("Immersion <no-reply@immersion.local>"),
  WORKER_IN_PROCESS: bool.default(true),
  // How many proxies in front of the app append to X-Forwarded-For (app/_lib/client-key.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  INVITE_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SURVEY_DELAY_MINUTES: z.coerce.number().int().min(0).max(10_080).default(0),
  // Tests keep their output to what went wrong.
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default(process.env.NODE_ENV === "test" ? "warn" : "info"),
  // The bearer token a metrics scraper sends to GET /api/metrics; unset, the endpoint answers 404.
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const raw = Object.fromEntries(Object.keys(schema.shape).map((k) => [k, process.env[k] || undefined]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.DATABASE_SYNC_URL && !env.DATABASE_URL.startsWith("file:")) {
    throw new Error(
      "Invalid environment:\n  DATABASE_URL: must be a file: path (the local copy) when DATABASE_SYNC_URL is set",
    );
  }
  if (
    env.AUTH_SSO_ONLY &&
    !(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET)
  ) {
    throw new Error(
      "Invalid environment:\n  AUTH_SSO_ONLY: needs AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET",
    );
  }
  return env;
}

export const env = load();

/**
 * Refuses to run production on the development secrets. Called when a server or worker boots
 * (not at build time, where no secrets are present); `next build` still checks every setting's shape.
 */
export function assertProductionSecrets(): void {
  if (!isProduction) return;
  const missing: string[] = [];
  if (env.AUTH_SECRET === DEV_AUTH_SECRET) missing.push("AUTH_SECRET");
  if (env.LIVEKIT_API_SECRET === DEV_LIVEKIT_SECRET) missing.push("LIVEKIT_API_SECRET");
  if (missing.length) throw new Error(`Production needs its own secrets: set ${missing.join(", ")}`);
}
