// The backup and restore drill (issue 14): for each kind of database the app runs on, take a
// backup while the app keeps writing, restore it into a working copy, and prove the copy works —
// `PRAGMA integrity_check` is ok, every write acknowledged before the backup began is in it, and
// the app itself (`next start`, the production build, MIGRATE_ON_START=false so it only verifies
// the schema) answers its health check on the copy. Prints the figures.
//   - a libSQL file: online backup with `VACUUM INTO` (a consistent snapshot, writers not blocked
//     for longer than one statement), restored by copying the file;
//   - sqld: its `GET /dump` (SQL text), restored into a file and into a fresh sqld.
//   bash scripts/backup-drill.sh            (after `npx next build`)
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { freePort } from "../support/ports";
import { startSqld } from "../support/sqld";

const require = createRequire(import.meta.url);
const ROWS = Number(process.env.ROWS ?? 20_000);
const dir = mkdtempSync(path.join(tmpdir(), "immersion-backup-drill-"));
const lines: string[] = [];
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  (ok ? lines : failures).push(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (process.env.VERBOSE) console.error(what);
};
const step = (what: string) => process.env.VERBOSE && console.error(`[drill] ${what}`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The app on `url`, started as in production on that database; resolves to /api/health's body. */
async function healthOf(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    path.resolve("node_modules/.bin/next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      detached: true,
      env: {
        ...process.env,
        NODE_ENV: "production",
        IMMERSION_DEMO: "true",
        MIGRATE_ON_START: "false",
        WORKER_IN_PROCESS: "true",
        DATABASE_URL: url,
        APP_URL: `http://127.0.0.1:${port}`,
        LIVEKIT_URL: "ws://127.0.0.1:9",
        SMTP_URL: "smtp://127.0.0.1:9",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the app refused the restored copy:\n${output.slice(-2000)}`);
      const r = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      // The in-process worker's first heartbeat makes `worker` true: wait for a full answer.
      const body = r ? ((await r.json().catch(() => ({}))) as Record<string, unknown>) : {};
      if (r && body.worker === true) return { status: r.status, body };
      if (Date.now() > deadline)
        throw new Error(`no healthy answer on the restored copy:\n${output.slice(-2000)}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
  }
}

/** Migrates, seeds the demo data and adds ROWS audit-sized rows, through the app's own code. */
async function fill(url: string) {
  process.env.DATABASE_URL = url;
  const { openDb } = await import("@/db");
  const { migrateDatabase } = await import("@/db/migrate");
  const { seedDemo } = await import("@/db/seed");
  const schema = await import("@/db/schema");
  const { db, client } = openDb(url);
  await migrateDatabase(db);
  await seedDemo(db);
  const t0 = performance.now();
  for (let i = 0; i < ROWS; i += 500)
    await db.insert(schema.jobs).values(
      Array.from({ length: Math.min(500, ROWS - i) }, (_, k) => ({
        kind: "drill.filler",
        payload: { n: i + k, text: "x".repeat(200) },
        status: "done" as const,
        dedupeKey: `drill:${i + k}`,
      })),
    );
  lines.push(
    `     filled ${ROWS} job rows (+ demo data) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { db, client, schema };
}

/** Keeps writing one acknowledged row at a time until stopped; returns the keys acknowledged. */
function keepWriting(
  db: Awaited<ReturnType<typeof fill>>["db"],
  schema: Awaited<ReturnType<typeof fill>>["schema"],
) {
  const acknowledged: string[] = [];
  let stop = false;
  const done = (async () => {
    for (let n = 0; !stop; n++) {
      const key = `drill:live:${n}`;
      await db
        .insert(schema.jobs)
        .values({ kind: "drill.live", payload: {}, status: "done", dedupeKey: key });
      acknowledged.push(key);
      // A local libSQL file answers within microtasks: yield, as a server between requests does.
      await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    acknowledged,
    async stop() {
      stop = true;
      await done;
    },
  };
}

async function countIn(url: string, keys: string[]): Promise<number> {
  const c = createClient({ url });
  try {
    let found = 0;
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      const r = await c.execute({
        sql: `select count(*) as n from jobs where dedupe_key in (${part.map(() => "?").join(",")})`,
        args: part,
      });
      found += Number(r.rows[0]?.n);
    }
    return found;
  } finally {
    c.close();
  }
}

function vacuumIntoFromAnotherProcess(file: string, backup: string): Promise<void> {
  const script = `const { createClient } = require(${JSON.stringify(require.resolve("@libsql/client"))});
const c = createClient({ url: "file:" + process.argv[1] });
c.execute({ sql: "VACUUM INTO ?", args: [process.argv[2]] }).then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", script, file, backup], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`VACUUM INTO exited ${code}`))));
  });
}

async function integrity(url: string): Promise<string> {
  const c = createClient({ url });
  try {
    return String((await c.execute("PRAGMA integrity_check")).rows[0]?.[0]);
  } finally {
    c.close();
  }
}

async function drillFile() {
  lines.push("== libSQL file: online backup (VACUUM INTO), restored by copying the file");
  const file = path.join(dir, "live.db");
  const { db, client, schema } = await fill(`file:${file}`);
  step("filled; writing while backing up");
  const writer = keepWriting(db, schema);
  while (writer.acknowledged.length < 50) await new Promise((r) => setTimeout(r, 5));
  const before = [...writer.acknowledged];
  step("VACUUM INTO");
  const backup = path.join(dir, "backup.db");
  // As in production: the backup is another process (a cron job) while the app keeps writing.
  const t0 = performance.now();
  await vacuumIntoFromAnotherProcess(file, backup);
  const seconds = (performance.now() - t0) / 1000;
  const during = writer.acknowledged.length - before.length;
  await writer.stop();
  client.close();
  const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  lines.push(
    `     backup of ${mb(size(file) + size(`${file}-wal`))} (file + WAL) → ${mb(size(backup))} in ${seconds.toFixed(2)} s, by another process; the app acknowledged ${during} writes meanwhile`,
  );
  const restored = path.join(dir, "restored.db");
  copyFileSync(backup, restored);
  const url = `file:${restored}`;
  check((await integrity(url)) === "ok", "integrity_check on the restored copy: ok");
  const found = await countIn(url, before);
  check(
    found === before.length,
    `every write acknowledged before the backup is in it (${found}/${before.length})`,
  );
  const health = await healthOf(url);
  check(
    health.status === 200 && health.body.database === true,
    `the app's health check on the copy: ${health.status} ${JSON.stringify(health.body)}`,
  );
}

async function drillSqld() {
  lines.push("== sqld: GET /dump, restored into a file and into a fresh sqld");
  const server = await startSqld();
  const fresh = await startSqld();
  try {
    const { db, client, schema } = await fill(server.url);
    const writer = keepWriting(db, schema);
    while (writer.acknowledged.length < 50) await new Promise((r) => setTimeout(r, 5));
    const before = [...writer.acknowledged];
    const t0 = performance.now();
    const res = await fetch(`${server.url}/dump`);
    const dump = await res.text();
    const seconds = (performance.now() - t0) / 1000;
    const during = writer.acknowledged.length - before.length;
    await writer.stop();
    client.close();
    writeFileSync(path.join(dir, "dump.sql"), dump);
    lines.push(
      `     dump: ${res.status}, ${mb(dump.length)} of SQL in ${seconds.toFixed(2)} s; ${during} writes acknowledged meanwhile`,
    );

    const file = `file:${path.join(dir, "from-dump.db")}`;
    const t1 = performance.now();
    const local = createClient({ url: file });
    await local.executeMultiple(dump);
    local.close();
    lines.push(`     restored into a file in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    check((await integrity(file)) === "ok", "integrity_check on the file restored from the dump: ok");
    check(
      (await countIn(file, before)) === before.length,
      `every write acknowledged before the dump is in it (${before.length})`,
    );
    const fileHealth = await healthOf(file);
    check(
      fileHealth.status === 200 && fileHealth.body.database === true,
      `the app's health check on that file: ${fileHealth.status} ${JSON.stringify(fileHealth.body)}`,
    );

    const t2 = performance.now();
    const remote = createClient({ url: fresh.url });
    await remote.executeMultiple(dump);
    remote.close();
    lines.push(`     restored into a fresh sqld in ${((performance.now() - t2) / 1000).toFixed(1)} s`);
    check((await integrity(fresh.url)) === "ok", "integrity_check on the fresh sqld: ok");
    check(
      (await countIn(fresh.url, before)) === before.length,
      `every write acknowledged before the dump is on the fresh sqld (${before.length})`,
    );
    const serverHealth = await healthOf(fresh.url);
    check(
      serverHealth.status === 200 && serverHealth.body.database === true,
      `the app's health check on the fresh sqld: ${serverHealth.status} ${JSON.stringify(serverHealth.body)}`,
    );
  } finally {
    await Promise.allSettled([server.close(), fresh.close()]);
  }
}

try {
  await drillFile();
  await drillSqld();
} catch (error) {
  failures.push(`FAIL ${error instanceof Error ? error.message : String(error)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log([`== backup and restore drill (${ROWS} filler rows)`, ...lines, ...failures].join("\n"));
process.exit(failures.length ? 1 : 0);
