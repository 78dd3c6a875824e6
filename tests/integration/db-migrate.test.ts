// Migrations as a release step, on the database kind under test (a libSQL file, or sqld with
// IMMERSION_TEST_DB=sqld): several runners at once apply each migration exactly once, a dead
// runner's lock is taken over, and processes refuse a schema they do not know.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db";
import {
  assertSchemaCurrent,
  MIGRATIONS_FOLDER,
  migrateDatabase,
  prepareDatabase,
  SchemaMismatchError,
  schemaStatus,
} from "@/db/migrate";
import { freshDatabaseUrl, TEST_DB_KIND } from "../support/test-database";

const dir = mkdtempSync(path.join(tmpdir(), "immersion-migrate-"));
const opened: { close(): void }[] = [];
afterAll(() => {
  for (const c of opened) c.close();
  rmSync(dir, { recursive: true, force: true });
});

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};
const ALL_TAGS = journal.entries.map((e) => e.tag);
// Each script is a tsx process of its own: seconds of start-up on a busy machine.
const PROCESSES = { timeout: 180_000 };

let count = 0;
async function freshUrl(): Promise<string> {
  return freshDatabaseUrl(path.join(dir, `m${++count}.db`));
}
function open(url: string): Db {
  const { client, db } = openDb(url);
  opened.push(client);
  return db;
}
// drizzle() attaches the libSQL client it wraps.
const raw = (db: Db) => (db as Db & { $client: Client }).$client;
async function appliedRows(db: Db): Promise<number[]> {
  const rows = await raw(db).execute("SELECT created_at FROM __drizzle_migrations ORDER BY created_at");
  return rows.rows.map((r) => Number(r.created_at));
}

/** Runs one of the project's scripts as its own process, as a deployment would. */
function runScript(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      path.resolve("node_modules/.bin/tsx"),
      ["--conditions=react-server", `scripts/${script}`],
      {
        env: { ...process.env, NODE_ENV: "test", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe(`migrations on ${TEST_DB_KIND === "sqld" ? "a libSQL server (sqld)" : "a libSQL file"}`, () => {
  it("`npm run db:migrate` started three times at once applies each migration once", PROCESSES, async () => {
    const url = await freshUrl();
    const runs = await Promise.all(
      Array.from({ length: 3 }, () => runScript("migrate.ts", { DATABASE_URL: url })),
    );
    for (const run of runs) expect(run, run.output).toMatchObject({ code: 0 });
    const outputs = runs.map((r) => r.output);
    expect(outputs.filter((o) => o.includes(`[migrate] applied ${ALL_TAGS.length}:`))).toHaveLength(1);
    expect(outputs.filter((o) => o.includes("[migrate] database is up to date"))).toHaveLength(2);
    const db = open(url);
    expect(await appliedRows(db)).toHaveLength(ALL_TAGS.length);
    await expect(assertSchemaCurrent(db)).resolves.toBeUndefined();
  });

  it("six runners in one process, even with leases that expire mid-run, apply everything once", async () => {
    for (const leaseMs of [60_000, 1]) {
      const url = await freshUrl();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => migrateDatabase(open(url), { holder: `runner-${i}`, leaseMs })),
      );
      const appliers = results.filter((r) => r.applied.length);
      expect(appliers).toEqual([{ applied: ALL_TAGS }]);
      expect(new Set(await appliedRows(open(url))).size).toBe(ALL_TAGS.length);
      expect(await appliedRows(open(url))).toHaveLength(ALL_TAGS.length);
    }
  });

  it("waits for a live lock, and takes over the lock of a runner that died", async () => {
    const url = await freshUrl();
    const db = open(url);
    await migrateDatabase(db);
    const lock = (holder: string, expiresInMs: number) =>
      raw(db).execute({
        sql: "INSERT INTO __migration_lock (id, holder, expires_at) VALUES (1, ?, CAST(unixepoch('subsec') * 1000 AS INTEGER) + ?)",
        args: [holder, expiresInMs],
      });
    await lock("host-a:123", 60_000);
    const told: string[] = [];
    await expect(migrateDatabase(open(url), { waitMs: 150, onWait: (h) => told.push(h) })).rejects.toThrow(
      /migration lock held by host-a:123/,
    );
    expect(told).toEqual(["host-a:123"]);
    await raw(db).execute("DELETE FROM __migration_lock");
    await lock("dead-runner", -1);
    await expect(migrateDatabase(open(url), { waitMs: 5_000 })).resolves.toEqual({ applied: [] });
    expect((await raw(db).execute("SELECT count(*) AS n FROM __migration_lock")).rows[0]?.n).toBe(0);
  });

  it("refuses a database with migrations this build does not know, and one that lacks some when only verifying", async () => {
    const fresh = open(await freshUrl());
    const pending = await prepareDatabase(fresh, { migrate: false }).catch((e: Error) => e);
    expect(pending).toBeInstanceOf(SchemaMismatchError);
    expect((pending as Error).message).toMatch(
      new RegExp(`lacks ${ALL_TAGS.length} migration\\(s\\).*${ALL_TAGS[0]}.*npm run db:migrate`),
    );
    expect(await schemaStatus(fresh)).toEqual({ applied: 0, pending: ALL_TAGS, unknown: [] });

    const newer = open(await freshUrl());
    await migrateDatabase(newer);
    await raw(newer).execute({
      sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('from-a-newer-release', ?)",
      args: [Date.UTC(2099, 0, 1)],
    });
    for (const attempt of [
      () => prepareDatabase(newer, { migrate: false }),
      () => prepareDatabase(newer, { migrate: true }),
    ]) {
      await expect(attempt()).rejects.toThrow(
        /1 migration\(s\) this build does not know.*2099-01-01.*newer release/,
      );
    }
  });

  it(
    "a production worker process (MIGRATE_ON_START defaults to false there) refuses to start on an unmigrated database; the release step fixes it",
    PROCESSES,
    async () => {
      const url = await freshUrl();
      const refused = await runScript("worker.ts", {
        DATABASE_URL: url,
        NODE_ENV: "production",
        IMMERSION_DEMO: "",
        MIGRATE_ON_START: "",
        AUTH_SECRET: "a-production-secret-for-this-test-only-0123456789",
        LIVEKIT_API_SECRET: "a-production-livekit-secret-for-this-test-0123",
      });
      expect(refused.code).toBe(1);
      expect(refused.output).toMatch(
        /"reason":"The database lacks \d+ migration\(s\).*"msg":"refusing to start"/,
      );
      const release = await runScript("migrate.ts", { DATABASE_URL: url });
      expect(release, release.output).toMatchObject({ code: 0 });
      await expect(assertSchemaCurrent(open(url))).resolves.toBeUndefined();
    },
  );
});
