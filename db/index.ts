import "server-only";
// The one database handle. Cached on globalThis so Next's hot reload does not open a new pool
// per edit.
import type { Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { env } from "@/env";
import { openClient, type ReplicaOptions } from "./connection";
import * as schema from "./schema";

export type Db = LibSQLDatabase<typeof schema>;

/**
 * What a helper that reads or writes inside its caller's transaction takes: an open transaction
 * (the callback's argument of `db.transaction`) or `db` itself, when the caller needs none.
 */
export type Tx = Omit<Db, "transaction" | "batch" | "$client">;

const cache = globalThis as unknown as { immersionDb?: { client: Client; db: Db } };

/** Opens a drizzle database on a libSQL URL (a file, :memory: or a server), or an embedded replica. */
export function openDb(
  url: string,
  authToken?: string,
  replica?: ReplicaOptions,
): { client: Client; db: Db } {
  const client = openClient(url, authToken, replica);
  return { client, db: drizzle(client, { schema }) };
}

/** The app's own database settings from env.ts (an embedded replica when DATABASE_SYNC_URL is set). */
export function openAppDb(): { client: Client; db: Db } {
  const replica = env.DATABASE_SYNC_URL
    ? { syncUrl: env.DATABASE_SYNC_URL, syncIntervalSeconds: env.DATABASE_SYNC_INTERVAL_SECONDS }
    : undefined;
  return openDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, replica);
}

function defaultDb() {
  if (!cache.immersionDb) cache.immersionDb = openAppDb();
  return cache.immersionDb;
}

export const db: Db = new Proxy({} as Db, {
  // Lazy, so importing a module that uses `db` never opens a file (tests open their own).
  get: (_t, prop) => {
    const real = defaultDb().db;
    const value = Reflect.get(real, prop);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

export const dbClient = (): Client => defaultDb().client;
