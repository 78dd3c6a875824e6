// Starts the real app (the production build from `next build`) on loopback for browser tests,
// with its own libSQL file, demo data, a real SMTP server and the LiveKit development server.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Db, openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed";
import { freePort } from "./ports";
import { startTestSmtp } from "./smtp";
import { startTestLivekit } from "./test-livekit";

export type AppServer = {
  url: string;
  db: Db;
  /** The app's libSQL file (to hold its lock from another process, or back it up). */
  dbFile: string;
  smtp: Awaited<ReturnType<typeof startTestSmtp>>;
  livekitUrl: string;
  livekit: Awaited<ReturnType<typeof startTestLivekit>>;
  logs: () => string;
  close(): Promise<void>;
};

/** `databaseFile`: run on this (already filled) database instead of a fresh demo one (the bench). */
export async function startAppServer(opts: { databaseFile?: string } = {}): Promise<AppServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "immersion-e2e-"));
  const dbUrl = `file:${opts.databaseFile ?? path.join(dir, "app.db")}`;
  const { db, client } = openDb(dbUrl);
  await migrateDatabase(db);
  await seedDemo(db);
  const smtp = await startTestSmtp();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The app's own webhook endpoint, so attendance and status follow the room as in production.
  const livekit = await startTestLivekit({ webhookUrl: `${url}/api/livekit/webhook` });
  const server = await startNextServer(port, {
    IMMERSION_DEMO: "true",
    APP_URL: url,
    DATABASE_URL: dbUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey,
    LIVEKIT_API_SECRET: livekit.apiSecret,
    WORKER_IN_PROCESS: "true",
  });
  return {
    url,
    db,
    dbFile: path.join(dir, "app.db"),
    smtp,
    livekitUrl: livekit.url,
    livekit,
    logs: server.logs,
    async close() {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      await Promise.allSettled([smtp.close(), livekit.close()]);
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type NextServer = {
  url: string;
  child: ChildProcess;
  logs: () => string;
  /** Signals the whole process group (Next and its children). */
  kill(signal: NodeJS.Signals): void;
  /** Resolves when the server process has exited. */
  exited: Promise<void>;
};

/** `next start` of the production build on 127.0.0.1:`port` with `env`, once /api/health answers. */
export async function startNextServer(port: number, env: Record<string, string>): Promise<NextServer> {
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  // Next's own binary (not npx), in its own process group, so closing stops the whole server.
  const child: ChildProcess = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      detached: true,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    child,
    logs: () => output,
    exited,
    kill(signal) {
      if (!child.pid) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    },
  };
}
