import "server-only";
import { sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { rateLimits } from "@/db/schema";

type Row = { key: string; windowStart: number; count: number };

/**
 * Adds `count` attempts per key in one atomic upsert (a new window starts again from them) and
 * answers each key's count after it. Kept in the database so every app instance shares them.
 */
async function addAttempts(db: Db, rows: Row[]): Promise<Map<string, number>> {
  const out = await db
    .insert(rateLimits)
    .values(rows)
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = excluded.window_start THEN ${rateLimits.count} + excluded.count ELSE excluded.count END`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ key: rateLimits.key, count: rateLimits.count });
  return new Map(out.map((r) => [r.key, r.count]));
}

type Ask = {
  key: string;
  limit: number;
  windowStart: number;
  resolve: (ok: boolean) => void;
  reject: (e: unknown) => void;
};
let pending: Ask[] = [];

/**
 * Calls that arrive in the same turn of the event loop (many requests at once) are counted with
 * one statement, not one each: a statement per request was a third of a survey submit's cost.
 * Each key is one row, its count raised by the number of calls; the n-th call for a key sees the
 * count it would have seen alone. A key in two windows at once (a boundary mid-batch) goes in a
 * second statement.
 */
async function flush(): Promise<void> {
  const batch = pending;
  pending = [];
  let rest = batch;
  while (rest.length) {
    const groups = new Map<string, Ask[]>();
    const later: Ask[] = [];
    for (const a of rest) {
      const g = groups.get(a.key);
      if (!g) groups.set(a.key, [a]);
      else if (g[0]?.windowStart === a.windowStart) g.push(a);
      else later.push(a);
    }
    try {
      const counts = await addAttempts(
        defaultDb,
        [...groups].map(([key, asks]) => ({
          key,
          windowStart: asks[0]?.windowStart ?? 0,
          count: asks.length,
        })),
      );
      for (const [key, asks] of groups) {
        const final = counts.get(key) ?? asks.length;
        for (const [i, a] of asks.entries()) a.resolve(final - asks.length + 1 + i <= a.limit);
      }
    } catch (error) {
      for (const asks of groups.values()) for (const a of asks) a.reject(error);
    }
    rest = later;
  }
}

/**
 * Counts one attempt against `key` in a fixed window and says whether it is still allowed.
 */
export async function consumeRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  db: Db = defaultDb,
): Promise<boolean> {
  const now = Date.now();
  const windowStart = now - (now % (windowSeconds * 1000));
  if (db !== defaultDb)
    return ((await addAttempts(db, [{ key, windowStart, count: 1 }])).get(key) ?? 1) <= limit;
  return new Promise((resolve, reject) => {
    if (!pending.length) setImmediate(() => void flush());
    pending.push({ key, limit, windowStart, resolve, reject });
  });
}
