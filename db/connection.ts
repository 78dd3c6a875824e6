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
import {
  type Client,
  createClient,
  type InArgs,
  type InStatement,
  type ResultSet,
  type TransactionMode,
} from "@libsql/client";

/**
 * How long one statement may wait for another process's write lock inside the native driver.
 * That wait is SQLite's busy handler, which sleeps synchronously on the event loop: with 5 s, a
 * worker or a backup holding the lock froze the whole server (/api/ping took 15–20 s, issue 13).
 * So the driver waits only this long, and the rest of the wait is asynchronous (withBusyRetry).
 */
export const BUSY_TIMEOUT_MS = 10;
/** How long a call may wait in all (async retries) before it is answered "busy, retry". */
export const BUSY_BUDGET_MS = 4000;

// busy_timeout = 5000 first: switching a new file to WAL takes an exclusive lock, and a second
// process opening the same new file at that moment must wait for it, not fail at once with
// SQLITE_BUSY (seen when three `npm run db:migrate` started together on a fresh database). That
// wait happens once, when a connection opens; the short timeout is the connection's from then on.
export const CONNECTION_PRAGMAS = [
  "PRAGMA busy_timeout = 5000",
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA secure_delete = ON",
  `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`,
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
    // A prepared statement that fails (SQLITE_BUSY: another process holds the lock) is never
    // reset by the driver: it stays "in progress" until garbage-collected, and the connection's
    // later writes cannot commit — they hold the lock, unacknowledged on disk (measured: another
    // connection saw none of them). `exec` cleans up after a failure, so the transaction
    // statements, where the lock is met, run through it.
    if (TRANSACTION_CONTROL.test(sql)) return execStatement(this, sql);
    return prepare.call(this, sql);
  };
  patched = true;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK)\b[\w\s]*;?\s*$/i;

/** What the client needs of a statement without rows (it probes `raw()` to tell, which throws). */
function execStatement(db: NativeDb, sql: string) {
  return {
    reader: false,
    safeIntegers() {
      return this;
    },
    raw(): never {
      throw new TypeError("The raw() method is only for statements that return data");
    },
    columns: () => [],
    run() {
      db.exec(sql);
      return { changes: 0, lastInsertRowid: 0 };
    },
  };
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
 * The database stayed locked by another process for longer than a caller should wait. Nothing of
 * the call was applied (SQLite rolled the statement or transaction back), so it is safe to retry:
 * the edges answer 503 with Retry-After, or "busy, try again" on a form.
 */
export class DatabaseBusyError extends Error {
  readonly code = "DATABASE_BUSY";
  readonly retryAfterSeconds = 2;
  constructor(cause: unknown) {
    super("The database is busy (locked by another process); nothing was written, retry shortly");
    this.name = "DatabaseBusyError";
    this.cause = cause;
  }
}

/** SQLITE_BUSY (or a busy snapshot) anywhere in an error's cause chain, or our own error. */
export function isDatabaseBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseBusyError) return true;
    const { code, extendedCode, message } = e as {
      code?: unknown;
      extendedCode?: unknown;
      message?: unknown;
    };
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    if (typeof extendedCode === "string" && extendedCode.startsWith("SQLITE_BUSY")) return true;
    if (typeof message === "string" && /SQLITE_BUSY|database is locked/.test(message)) return true;
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` again while SQLite answers busy, sleeping between tries (5 ms doubling to 100 ms,
 * jittered) so the event loop keeps serving other requests, until `deadline`; then
 * DatabaseBusyError. Only for calls SQLite applies whole or not at all: one statement, a batch,
 * the BEGIN of a transaction.
 */
export async function withBusyRetry<T>(call: () => Promise<T>, deadline: number): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!isDatabaseBusy(error) || error instanceof DatabaseBusyError) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseBusyError(error);
      await pause(Math.min(left, Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random())));
    }
  }
}

/**
 * The native driver runs each statement synchronously on the event loop. If one connection holds
 * a write transaction across `await`s and another connection of the same process then starts a
 * write, SQLite's busy wait blocks the whole event loop, the first transaction can never finish,
 * and both fail with SQLITE_BUSY after the timeout. So writes within one process take turns
 * (an async mutex); reads never wait (WAL). Other processes (`npm run worker`, a second instance,
 * a backup) release their locks independently of our event loop: for them a busy answer is
 * retried asynchronously (withBusyRetry) within BUSY_BUDGET_MS of the call, counted from when it
 * was made, so a queue behind the mutex does not wait budget after budget. With `reads: true`
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
  /** Statements that can run inside BEGIN IMMEDIATE … COMMIT (VACUUM, ATTACH and BEGIN cannot). */
  const takesWriteLockFirst = (stmt: unknown) => {
    const sql = (typeof stmt === "string" ? stmt : ((stmt as { sql?: string })?.sql ?? "")).trimStart();
    return !/^(VACUUM|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|ATTACH|DETACH)\b/i.test(sql);
  };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return async (...args: Parameters<Client["execute"]>) => {
          const deadline = Date.now() + BUSY_BUDGET_MS;
          if (isRead(args[0])) return withBusyRetry(() => target.execute(...args), deadline);
          const release = await lock();
          try {
            const run =
              options.reads || !takesWriteLockFirst(args[0])
                ? () => target.execute(...args)
                : // A statement that meets another process's lock mid-step poisons its native
                  // connection (the driver never resets a failed cursor: that connection's later
                  // writes stay uncommitted, holding the lock — measured). BEGIN IMMEDIATE fails
                  // cleanly instead, so each write first takes the lock in a one-statement batch.
                  async () => {
                    const [stmt, stmtArgs] = args as [InStatement | string, InArgs?];
                    const one = typeof stmt === "string" ? { sql: stmt, args: stmtArgs ?? [] } : stmt;
                    const [result] = await target.batch([one], "write");
                    return result as ResultSet;
                  };
            return await withBusyRetry(run, deadline);
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
          const deadline = Date.now() + BUSY_BUDGET_MS;
          const release = await lock();
          // A batch takes the write lock at its BEGIN (IMMEDIATE), for the reason above.
          if (prop === "batch" && !options.reads && args[1] !== "read") args[1] = "write";
          const call = () => (target[prop] as (...a: unknown[]) => Promise<unknown>)(...args);
          try {
            // Several statements without a transaction of their own could be half applied.
            return await (prop === "executeMultiple" ? call() : withBusyRetry(call, deadline));
          } finally {
            release();
          }
        };
      }
      if (prop === "transaction") {
        return async (mode?: TransactionMode) => {
          const deadline = Date.now() + BUSY_BUDGET_MS;
          if (mode === "read" && !options.reads) return target.transaction(mode);
          // A deferred transaction would meet the lock at its first write, mid-statement.
          if (mode === "deferred" && !options.reads) mode = "write";
          const release = await lock();
          try {
            // BEGIN IMMEDIATE (drizzle's default) is where another process's lock is met; once
            // it succeeds this transaction holds the write lock until it ends.
            const tx = await withBusyRetry(() => target.transaction(mode), deadline);
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
