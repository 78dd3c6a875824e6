// Which database the integration suite runs on. `npm test` runs it twice: on a libSQL file (the
// embedded default) and with IMMERSION_TEST_DB=sqld on a real libSQL server, so every domain test
// proves the same behaviour on both. Servers started here are killed after the test file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll } from "vitest";
import type { Db } from "@/db";
import { type Sqld, startSqld } from "./sqld";

export type TestDbKind = "file" | "sqld";

export const TEST_DB_KIND: TestDbKind = process.env.IMMERSION_TEST_DB === "sqld" ? "sqld" : "file";

const started: Sqld[] = [];
afterAll(async () => {
  await Promise.allSettled(started.splice(0).map((s) => s.close()));
});

/** A new, empty database of the kind under test: the file at `file`, or a sqld server of its own. */
export async function freshDatabaseUrl(file: string): Promise<string> {
  if (TEST_DB_KIND === "file") return `file:${file}`;
  const server = await startSqld();
  started.push(server);
  return server.url;
}

/**
 * The bytes a libSQL file keeps on disk, after moving the WAL into the main file, so a test can
 * show erased values are really gone (`secure_delete`). Null on sqld: the server owns its storage,
 * refuses `secure_delete` and keeps page history in its replication log; what that means is shown
 * in tests/integration/db-server-settings.test.ts and docs/decisions/011-libsql-server-in-tests.md.
 */
export async function checkpointedFileBytes(url: string): Promise<Buffer | null> {
  if (!url.startsWith("file:")) return null;
  const client = createClient({ url });
  try {
    await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    client.close();
  }
  return readFileSync(url.slice("file:".length));
}

/**
 * Every byte a libSQL file database keeps on disk right now — the main file, its WAL and shared
 * memory index — without checkpointing first: what erasure itself must have cleaned. Null on sqld.
 */
export function rawDatabaseBytes(url: string): Buffer | null {
  if (!url.startsWith("file:")) return null;
  const file = url.slice("file:".length);
  return Buffer.concat(
    [file, `${file}-wal`, `${file}-shm`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
  );
}

/**
 * A migrated database of the kind under test for one test file, under a temporary folder: `db`
 * is open from the start and migrated before the file's tests; `open()` adds a connection of its
 * own (another worker). Every connection closes and the folder goes after the file.
 */
export async function migratedTestDatabase(name: string) {
  // Imported here, not at the top: test-env.ts imports this module before it sets DATABASE_URL,
  // and @/db reads env.ts, which parses the environment once — a static import would point every
  // test-env test at the development database (data/immersion.db).
  const { openDb } = await import("@/db");
  const { migrateDatabase } = await import("@/db/migrate");
  const dir = mkdtempSync(path.join(tmpdir(), `immersion-${name}-`));
  const url = await freshDatabaseUrl(path.join(dir, `${name}.db`));
  const clients: { close(): void }[] = [];
  const open = (): Db => {
    const { client, db } = openDb(url);
    clients.push(client);
    return db;
  };
  const db = open();
  beforeAll(async () => {
    await migrateDatabase(db);
  });
  afterAll(() => {
    for (const c of clients) c.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, open, url };
}
