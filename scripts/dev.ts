// `npm run dev`: the whole product on one machine with embedded defaults — a libSQL file with
// demo data, the local SMTP catcher, a local LiveKit (unless LIVEKIT_URL points at one) and Next
// with the job worker inside it.
import { spawn } from "node:child_process";
import path from "node:path";
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { env } from "@/env";
import { findLivekitServer, startRealLivekitServer } from "@/livekit-dev/real-server";
import { startLivekitDevServer } from "@/livekit-dev/server";
import { startMailCatcher } from "@/mail-catcher/smtp-server";

const mode = process.argv.includes("--prod") ? "start" : "dev";
const port = Number(new URL(env.APP_URL).port || 3000);

/**
 * The embedded development server by default (no Go needed); the real `livekit-server` instead when
 * LIVEKIT_SERVER_BIN names one or one is on the PATH (LIVEKIT_SERVER_BIN=none keeps the embedded one).
 */
async function startLocalLivekit(): Promise<{ close(): Promise<void> }> {
  const port = Number(new URL(env.LIVEKIT_URL).port || 7880);
  // Attendance and session status come from these, as from a real LiveKit project's webhook.
  const webhookUrls = [new URL("/api/livekit/webhook", env.APP_URL).toString()];
  const binary =
    env.LIVEKIT_SERVER_BIN === "none"
      ? undefined
      : findLivekitServer(env.LIVEKIT_SERVER_BIN, { useCache: false });
  if (binary) {
    const lk = await startRealLivekitServer({
      binary,
      port,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
      webhookUrls,
      log: (line) => console.log(`[livekit-server] ${line}`),
    });
    console.log(`[dev] real LiveKit server (${binary}) on ${lk.url}`);
    return lk;
  }
  const lk = await startLivekitDevServer({
    port,
    host: "127.0.0.1",
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    webhookUrls,
  });
  console.log(`[dev] LiveKit development server on ${lk.url}`);
  return lk;
}

async function main() {
  const { db, client } = openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  await migrateDatabase(db);
  if (env.IMMERSION_DEMO) {
    const { created } = await seedDemo(db);
    console.log(created ? "[dev] demo data created" : "[dev] demo data already present");
  }
  client.close();

  const closers: (() => Promise<void>)[] = [];
  const smtp = new URL(env.SMTP_URL);
  if (["127.0.0.1", "localhost"].includes(smtp.hostname) && !process.env.SMTP_URL) {
    const catcher = await startMailCatcher({
      port: Number(smtp.port || 1025),
      host: "127.0.0.1",
      dir: "data/mailbox",
    });
    closers.push(() => catcher.close());
    console.log(`[dev] mail catcher on smtp://127.0.0.1:${catcher.port} — read it at ${env.APP_URL}/mailbox`);
  }
  if (!process.env.LIVEKIT_URL) {
    const lk = await startLocalLivekit();
    closers.push(() => lk.close());
  }

  const next = spawn(path.resolve("node_modules/.bin/next"), [mode, "-p", String(port), "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  });
  const stop = async () => {
    next.kill("SIGTERM");
    await Promise.allSettled(closers.map((c) => c()));
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", (code) => {
    void Promise.allSettled(closers.map((c) => c())).then(() => process.exit(code ?? 0));
  });
}

main().catch((error) => {
  console.error("[dev] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
