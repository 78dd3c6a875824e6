// One libSQL client with the durability settings on EVERY connection.
//
// @libsql/client keeps a pool of native connections for `file:` URLs and opens new ones under load
// and for each transaction. A PRAGMA run once reaches only the connection that ran it (measured:
// foreign keys read back OFF on other pooled connections). The client offers no per-connection
// hook, so we wrap the native `prepare` of the `libsql` package it uses: the first statement a new
// connection prepares is preceded by the settings. `journal_mode` is persistent in the file; the
// others are per connection. See docs/decisions/003-libsql-connection-settings.md.
import { createRequire } from "node:module";
import { type Client, createClient } from "@libsql/client";

export const CONNECTION_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  "PRAGMA foreign_keys = ON",
  "PRAGMA secure_delete = ON",
  "PRAGMA busy_timeout = 5000",
] as const;

type NativeDb = { prepare(sql: string): unknown; exec(sql: string): unknown; memory?: boolean };
type NativeDbClass = { prototype: NativeDb };

const configured = new WeakSet<object>();
let patched = false;

function patchNativeConnections(): void {
  if (patched) return;
  const requireFromClient = createRequire(createRequire(import.meta.url).resolve("@libsql/client"));
  const Database = requireFromClient("libsql") as NativeDbClass;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: NativeDb, sql: string) {
    if (!configured.has(this)) {
      configured.add(this);
      for (const pragma of CONNECTION_PRAGMAS) runPragma(this, prepare, pragma);
    }
    return prepare.call(this, sql);
  };
  patched = true;
}

function runPragma(db: NativeDb, prepare: (sql: string) => unknown, pragma: string): void {
  const stmt = prepare.call(db, pragma) as { run?: () => unknown; all?: () => unknown; reader?: boolean };
  // PRAGMAs that return a row (journal_mode) must be read, the others run.
  if (stmt.reader && stmt.all) stmt.all();
  else stmt.run?.();
}

export function openClient(url: string, authToken?: string): Client {
  if (url.startsWith("file:") || url === ":memory:") patchNativeConnections();
  // Remote libSQL servers apply their own durability; the pragmas above are for local files.
  return createClient({ url, authToken, concurrency: 8 });
}
