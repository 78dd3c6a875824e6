import "server-only";
import { sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "@/db";
import { rateLimits } from "@/db/schema";

/**
 * Counts one attempt against `key` in a fixed window and says whether it is still allowed.
 * Kept in the database so every app instance shares the same counters; one atomic upsert.
 */
export async function consumeRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  db: Db = defaultDb,
) {
  const now = Date.now();
  const windowStart = now - (now % (windowSeconds * 1000));
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.windowStart} = ${windowStart} THEN ${rateLimits.count} + 1 ELSE 1 END`,
        windowStart: sql`${windowStart}`,
      },
    })
    .returning({ count: rateLimits.count });
  return (row?.count ?? 1) <= limit;
}
