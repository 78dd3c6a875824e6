import "server-only";
// One libSQL client with the durability settings on EVERY connection.
//
// @libsql/client keeps a pool of native connections for `file:` URLs and opens new ones under load
// and for each transaction. A PRAGMA run once reaches only the connection that ran it (measured:
// foreign keys read back OFF on other pooled connections). The client offers no per-connection
// hook, so we wrap the native `prepare` of the `libsql` package it uses: the first statement a new
// connection prepares is preceded by the settings. `journal_mode` is persistent in the file; the
// others are per connection. See docs/decisions/003-libsql-connection-settings.md.
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { type Client, createClient, type TransactionMode } from "@libsql/client";

// busy_timeout first: switching a new file to WAL takes an exclusive lock, and a second process
// opening the same new file at that moment must wait for it, not fail at once with SQLITE_BUSY
// (seen when three `npm run db:migrate` started together on a fresh database).
export const CONNECTION_PRAGMAS = [
  "PRAGMA busy_timeout = 5000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA secure_delete = ON",
] as const;

type NativeDb = { prepare(sql: string): unknown; exec(sql: string): unknown; memory?: boolean };
type NativeDbClass = { prototype: NativeDb };

const configured = new WeakSet<object>();
let patched = false;

function patchNativeConnections(): void {
  if (patched) return;
  // Resolved from the project root (bundlers rewrite import.meta.url), then from the client's own
  // folder, so this is the very `libsql` module instance the client loads.
  const fromRoot = createRequire(path.join(process.cwd(), "package.json"));
  const requireFromClient = createRequire(fromRoot.resolve("@libsql/client"));
  const Database = requireFromClient("libsql") as NativeDbClass;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: NativeDb, sql: string) {
    if (!configured.has(this)) {
      configured.add(this);
      for (const pragma of CONNECTION_PRAGMAS) {
        // An embedded replica (a file with a `syncUrl`) refuses connection settings: its primary
        // server owns them. The driver gives no other way to tell it from a plain file here.
        if (!runPragma(this, prepare, pragma)) break;
      }
    }
    return prepare.call(this, sql);
  };
  patched = true;
}

/** Applies one setting; false when the connection is an embedded replica, which refuses them. */
function runPragma(db: NativeDb, prepare: (sql: string) => unknown, pragma: string): boolean {
  let stmt: { run?: () => unknown; all?: () => unknown; reader?: boolean };
  try {
    stmt = prepare.call(db, pragma) as typeof stmt;
  } catch (error) {
    if (error instanceof Error && /UnsupportedStatement/.test(error.message)) return false;
    throw error;
  }
  // PRAGMAs that return a row (journal_mode) must be read, the others run.
  if (stmt.reader && stmt.all) stmt.all();
  else stmt.run?.();
  return true;
}

/** An embedded replica: a local file kept in sync with a libSQL server, which takes the writes. */
export type ReplicaOptions = { syncUrl: string; syncIntervalSeconds?: number };

export function openClient(url: string, authToken?: string, replica?: ReplicaOptions): Client {
  const local = url.startsWith("file:") || url === ":memory:";
  if (replica && !url.startsWith("file:")) throw new Error("An embedded replica needs a file: URL");
  if (url.startsWith("file:")) {
    // A fresh checkout has no data folder yet; the driver will not create it.
    const file = url.slice("file:".length).split("?")[0] ?? "";
    if (file && file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  if (local) patchNativeConnections();
  // Remote libSQL servers apply their own durability and locking (they queue writers); both guards
  // are for local files. See docs/decisions/011-libsql-server-in-tests.md.
  const client = createClient({
    url,
    authToken,
    concurrency: 8,
    syncUrl: replica?.syncUrl,
    syncInterval: replica?.syncIntervalSeconds,
  });
  // An embedded replica has one connection, which an open transaction holds: reads wait too.
  return local ? serializeWrites(client, { reads: Boolean(replica) }) : client;
}

/**
 * The native driver runs each statement synchronously on the event loop. If one connection holds
 * a write transaction across `await`s and another connection of the same process then starts a
 * write, SQLite's busy wait blocks the whole event loop, the first transaction can never finish,
 * and both fail with SQLITE_BUSY after the timeout. So writes within one process take turns
 * (an async mutex); reads never wait (WAL). `busy_timeout` still covers other processes, such as
 * `npm run worker`, whose locks are released independently of our event loop. With `reads: true`
 * (an embedded replica, whose single connection an open transaction holds) everything takes turns.
 */
export function serializeWrites(client: Client, options: { reads?: boolean } = {}): Client {
  let tail: Promise<void> = Promise.resolve();
  const lock = async (): Promise<() => void> => {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const previous = tail;
    tail = previous.then(() => next);
    await previous;
    return release;
  };
  const isRead = (stmt: unknown) => {
    if (options.reads) return false;
    const sql = (typeof stmt === "string" ? stmt : ((stmt as { sql?: string })?.sql ?? ""))
      .trimStart()
      .slice(0, 12)
      .toUpperCase();
    return (
      sql.startsWith("SELECT") ||
      sql.startsWith("WITH") ||
      sql.startsWith("PRAGMA") ||
      sql.startsWith("EXPLAIN")
    );
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return async (...args: Parameters<Client["execute"]>) => {
          if (isRead(args[0])) return target.execute(...args);
          const release = await lock();
          try {
            return await target.execute(...args);
          } finally {
            release();
          }
        };
      }
      if (
        prop === "batch" ||
        prop === "migrate" ||
        prop === "executeMultiple" ||
        (prop === "sync" && options.reads)
      ) {
        return async (...args: unknown[]) => {
          const release = await lock();
          try {
            return await (target[prop] as (...a: unknown[]) => Promise<unknown>)(...args);
          } finally {
            release();
          }
        };
      }
      if (prop === "transaction") {
        return async (mode?: TransactionMode) => {
          if (mode === "read" && !options.reads) return target.transaction(mode);
          const release = await lock();
          try {
            const tx = await target.transaction(mode);
            let released = false;
            const done = () => {
              if (!released) {
                released = true;
                release();
              }
            };
            return new Proxy(tx, {
              get(t, p) {
                const value = Reflect.get(t, p, t);
                if (p === "commit" || p === "rollback") {
                  return async () => {
                    try {
                      return await (value as () => Promise<void>).call(t);
                    } finally {
                      done();
                    }
                  };
                }
                if (p === "close") {
                  return () => {
                    try {
                      (value as () => void).call(t);
                    } finally {
                      done();
                    }
                  };
                }
                return typeof value === "function" ? value.bind(t) : value;
              },
            });
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
