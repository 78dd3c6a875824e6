// Migrations: applied by the release step (`npm run db:migrate`), or at start in development
// (MIGRATE_ON_START), and verified by every process that does not apply them. Safe when several
// processes run them at once on one database (a file or a libSQL server):
//   - a lease in the database itself (`__migration_lock`, one row) lets one runner work while the
//     others wait, and hands over if a runner dies;
//   - a fence inside the migration transaction makes each migration apply once even if a lease
//     expired mid-run: the transaction first records the migrations it applies in drizzle's own
//     table, under a unique index, so a second runner's transaction fails and rolls back whole.
// See docs/decisions/011-libsql-server-in-tests.md.
import "server-only";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { readMigrationFiles } from "drizzle-orm/migrator";
import type { Db } from "./index";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// drizzle's own bookkeeping table, so `drizzle-kit migrate` and this runner agree.
const APPLIED_TABLE = "__drizzle_migrations";
const LOCK_TABLE = "__migration_lock";
const NOW_MS = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

/** The libSQL client under a drizzle database (drizzle() attaches it as `$client`). */
function clientOf(db: Db): Client {
  const client = (db as Db & { $client?: Client }).$client;
  if (!client) throw new Error("migrations need the database itself, not a transaction");
  return client;
}

type Known = { tag: string; folderMillis: number; hash: string; sql: string[] };

function knownMigrations(folder = MIGRATIONS_FOLDER): Known[] {
  const journal = JSON.parse(readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  const files = readMigrationFiles({ migrationsFolder: folder });
  return files.map((m, i) => ({
    tag: journal.entries[i]?.tag ?? String(m.folderMillis),
    folderMillis: m.folderMillis,
    hash: m.hash,
    sql: m.sql.filter((s) => s.trim()),
  }));
}

export type SchemaStatus = {
  /** How many migrations the database has applied. */
  applied: number;
  /** Migrations of this build the database lacks, oldest first. */
  pending: string[];
  /** Migrations the database has applied that this build does not know (a newer release's). */
  unknown: string[];
};

/** Compares the migrations the database has applied with the ones this build ships. */
export async function schemaStatus(db: Db, folder = MIGRATIONS_FOLDER): Promise<SchemaStatus> {
  const client = clientOf(db);
  const known = knownMigrations(folder);
  const table = await client.execute({
    sql: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    args: [APPLIED_TABLE],
  });
  const applied = table.rows.length
    ? (await client.execute(`SELECT created_at FROM ${APPLIED_TABLE}`)).rows.map((r) => Number(r.created_at))
    : [];
  // drizzle's rule: a migration is pending when it is newer than the newest one applied.
  const newest = applied.length ? Math.max(...applied) : Number.NEGATIVE_INFINITY;
  const knownMillis = new Set(known.map((m) => m.folderMillis));
  return {
    applied: applied.length,
    pending: known.filter((m) => m.folderMillis > newest).map((m) => m.tag),
    unknown: applied
      .filter((ms) => !knownMillis.has(ms))
      .sort((x, y) => x - y)
      .map((ms) => `created ${new Date(ms).toISOString()}`),
  };
}

/** The database's schema is not the one this build was written for. */
export class SchemaMismatchError extends Error {
  constructor(
    message: string,
    readonly status: SchemaStatus,
  ) {
    super(message);
    this.name = "SchemaMismatchError";
  }
}

function unknownSchema(status: SchemaStatus): SchemaMismatchError {
  return new SchemaMismatchError(
    `The database has ${status.unknown.length} migration(s) this build does not know ` +
      `(${status.unknown.join(", ")}): a newer release migrated it. Deploy that release or a newer one; ` +
      "never start an older build on a newer schema (in development, after switching to an older " +
      "branch: delete the local database file and start again).",
    status,
  );
}

/** Throws a SchemaMismatchError unless the database has exactly this build's migrations. */
export async function assertSchemaCurrent(db: Db, folder = MIGRATIONS_FOLDER): Promise<void> {
  const status = await schemaStatus(db, folder);
  if (status.unknown.length) throw unknownSchema(status);
  if (status.pending.length) {
    throw new SchemaMismatchError(
      `The database lacks ${status.pending.length} migration(s) this build needs (${status.pending.join(", ")}). ` +
        "Run `npm run db:migrate` (the release step) before starting this build, " +
        "or set MIGRATE_ON_START=true to let this process apply them.",
      status,
    );
  }
}

export type MigrateOptions = {
  folder?: string;
  /** Who holds the lock, for the others' messages (default: host, pid and a random suffix). */
  holder?: string;
  /** How long a lease lasts without renewal (a dead runner's lock is taken over after it). */
  leaseMs?: number;
  /** How long to wait for another runner before giving up. */
  waitMs?: number;
  /** Told once when another runner holds the lock. */
  onWait?: (holder: string) => void;
};

/**
 * Applies every pending migration, once, even when several processes call it at once. Refuses a
 * database that a newer build migrated. Returns the tags it applied (empty if another runner did).
 */
export async function migrateDatabase(db: Db, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const { folder = MIGRATIONS_FOLDER, leaseMs = 60_000, waitMs = 10 * 60_000 } = options;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const client = clientOf(db);
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${LOCK_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, expires_at INTEGER NOT NULL)`,
  );
  // The same shape as drizzle's, plus the unique index the fence relies on.
  await client.execute(
    `CREATE TABLE IF NOT EXISTS ${APPLIED_TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`,
  );
  await client.execute(
    `CREATE UNIQUE INDEX IF NOT EXISTS ${APPLIED_TABLE}_created_at ON ${APPLIED_TABLE} (created_at)`,
  );
  const release = await acquireLock(client, holder, { leaseMs, waitMs, onWait: options.onWait });
  try {
    for (let attempt = 0; ; attempt++) {
      const status = await schemaStatus(db, folder);
      if (status.unknown.length) throw unknownSchema(status);
      if (!status.pending.length) return { applied: [] };
      const pending = knownMigrations(folder).filter((m) => status.pending.includes(m.tag));
      try {
        // One transaction with foreign keys off (table rebuilds need it), fence first.
        await client.migrate([
          ...pending.map((m) => ({
            sql: `INSERT INTO ${APPLIED_TABLE} ("hash", "created_at") VALUES (?, ?)`,
            args: [m.hash, m.folderMillis],
          })),
          ...pending.flatMap((m) => m.sql),
        ]);
        return { applied: pending.map((m) => m.tag) };
      } catch (error) {
        // Another runner applied them meanwhile (its lease outlived ours): look again.
        if (attempt < 3 && /UNIQUE constraint failed: __drizzle_migrations/.test(String(error))) continue;
        throw error;
      }
    }
  } finally {
    await release();
  }
}

async function acquireLock(
  client: Client,
  holder: string,
  { leaseMs, waitMs, onWait }: { leaseMs: number; waitMs: number; onWait?: (holder: string) => void },
): Promise<() => Promise<void>> {
  const deadline = Date.now() + waitMs;
  let told = false;
  let pause = 25;
  for (;;) {
    // Take the row if it is free or its lease ran out; the database's clock, so hosts agree.
    const taken = await client.execute({
      sql: `INSERT INTO ${LOCK_TABLE} (id, holder, expires_at) VALUES (1, ?, ${NOW_MS} + ?)
            ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE ${LOCK_TABLE}.expires_at < ${NOW_MS}
            RETURNING holder`,
      args: [holder, leaseMs],
    });
    if (taken.rows[0]?.holder === holder) break;
    const current = await client.execute(`SELECT holder FROM ${LOCK_TABLE} WHERE id = 1`);
    const other = String(current.rows[0]?.holder ?? "another runner");
    if (!told) {
      told = true;
      onWait?.(other);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Gave up waiting ${Math.round(waitMs / 1000)} s for the migration lock held by ${other}`,
      );
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 250);
  }
  const renew = setInterval(
    () =>
      void client
        .execute({
          sql: `UPDATE ${LOCK_TABLE} SET expires_at = ${NOW_MS} + ? WHERE id = 1 AND holder = ?`,
          args: [leaseMs, holder],
        })
        .catch(() => {}),
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  renew.unref();
  return async () => {
    clearInterval(renew);
    // Best effort: if the database is gone, the lease runs out by itself, and the error that
    // brought us here is the one worth reporting.
    await client
      .execute({ sql: `DELETE FROM ${LOCK_TABLE} WHERE id = 1 AND holder = ?`, args: [holder] })
      .catch(() => {});
  };
}

/**
 * What a process does with the schema at start: apply pending migrations (development, or when
 * MIGRATE_ON_START is on) or only verify them (production web and worker processes, after the
 * release step). Either way it refuses a schema it does not know.
 */
export async function prepareDatabase(db: Db, { migrate }: { migrate: boolean }): Promise<void> {
  if (migrate) await migrateDatabase(db);
  else await assertSchemaCurrent(db);
}
