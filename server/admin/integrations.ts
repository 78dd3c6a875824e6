import "server-only";
import { dbClient } from "@/db";
import { env } from "@/env";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { createTransport } from "@/server/notify/sender";
import { livekitReachable } from "@/server/rooms/room-service";

export type Integration = {
  name: "LiveKit" | "SMTP" | "Database" | "SSO";
  configured: boolean;
  /** Whether it answered just now; null when there is nothing configured to ask. */
  reachable: boolean | null;
  /** Where it points: a host or kind only, never a secret, token or path with credentials. */
  detail: string;
  /** A development default is in use (fine for `npm run dev`, never in production). */
  developmentDefault: boolean;
};

/** How long one probe may take before it counts as unreachable. */
export const PROBE_TIMEOUT_MS = 3000;

const within = <T>(probe: Promise<T>, fallback: T, ms = PROBE_TIMEOUT_MS): Promise<T> =>
  new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    probe.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });

/** host[:port] of a URL, without user, password or query. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host || url.split(":")[0]!;
  } catch {
    return "(unreadable URL)";
  }
};

function databaseDetail(): string {
  if (env.DATABASE_SYNC_URL) return `embedded replica of ${hostOf(env.DATABASE_SYNC_URL)}`;
  if (env.DATABASE_URL.startsWith("file:")) return "libSQL file on this machine";
  return `libSQL server at ${hostOf(env.DATABASE_URL)}`;
}

async function smtpReachable(url: string): Promise<boolean> {
  const transport = createTransport(url);
  try {
    return await within(
      transport.verify().then(() => true),
      false,
    );
  } finally {
    transport.close();
  }
}

async function oidcReachable(issuer: string): Promise<boolean> {
  const res = await fetch(new URL(".well-known/openid-configuration", `${issuer.replace(/\/?$/, "/")}`), {
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    redirect: "error",
  });
  return res.ok;
}

/**
 * The outside services this instance uses, configured or not and answering or not, for admins
 * (read-only: they are set by the environment, README "Configuration"). Each probe is bounded.
 */
export async function listIntegrations(
  actor: Actor,
  probes: { smtpUrl?: string } = {},
): Promise<Integration[]> {
  assertCan(actor, "integrations.read");
  const smtpUrl = probes.smtpUrl ?? env.SMTP_URL;
  const sso = Boolean(env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET);
  const [livekit, smtp, database, oidc] = await Promise.all([
    within(livekitReachable(), false),
    smtpReachable(smtpUrl),
    within(
      dbClient()
        .execute("SELECT 1")
        .then(() => true),
      false,
    ),
    sso && env.AUTH_OIDC_ISSUER ? within(oidcReachable(env.AUTH_OIDC_ISSUER), false) : Promise.resolve(null),
  ]);
  return [
    {
      name: "LiveKit",
      configured: true,
      reachable: livekit,
      detail: `${new URL(env.LIVEKIT_URL).protocol.replace(":", "")}://${hostOf(env.LIVEKIT_URL)}`,
      developmentDefault: env.LIVEKIT_API_KEY === "devkey",
    },
    {
      name: "SMTP",
      configured: true,
      reachable: smtp,
      detail: hostOf(smtpUrl),
      developmentDefault: smtpUrl === "smtp://127.0.0.1:1025",
    },
    {
      name: "Database",
      configured: true,
      reachable: database,
      detail: databaseDetail(),
      developmentDefault: false,
    },
    {
      name: "SSO",
      configured: sso,
      reachable: oidc,
      detail:
        sso && env.AUTH_OIDC_ISSUER
          ? `${env.AUTH_OIDC_NAME} (${hostOf(env.AUTH_OIDC_ISSUER)})`
          : "Email sign-in links only",
      developmentDefault: false,
    },
  ];
}
