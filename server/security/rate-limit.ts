import "server-only";
import { createHash } from "node:crypto";
import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { type Db, db as defaultDb } from "@/db";
import { rateLimitBuckets } from "@/db/schema";

/*
 * Rate limits on rate-limiter-flexible's drizzle store (docs/decisions/016-rate-limits.md): one
 * atomic upsert per attempt in the shared database, so every app instance counts together.
 */

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/**
 * The stored key: the bucket's name (before the first colon) stays readable; whatever follows —
 * an address, an email, a link id — is a SHA-256, so the table holds no personal data.
 */
export function bucketKey(key: string): string {
  const at = key.indexOf(":");
  const name = at < 0 ? "key" : key.slice(0, at);
  const rest = at < 0 ? key : key.slice(at + 1);
  return `${name}:${createHash("sha256").update(rest).digest("base64url")}`;
}

// One limiter per (database, points, window); rate-limiter-flexible fixes both per instance.
const limiters = new WeakMap<object, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Db, points: number, windowSeconds: number): RateLimiterDrizzle {
  let forDb = limiters.get(db);
  if (!forDb) {
    forDb = new Map();
    limiters.set(db, forDb);
  }
  const id = `${points}/${windowSeconds}`;
  let limiter = forDb.get(id);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimitBuckets,
      points,
      duration: windowSeconds,
      keyPrefix: `rl${id}`,
      // Pruned by pruneNowAndThen below, not by a timer of the library's in every process.
      clearExpiredByTimeout: false,
    });
    forDb.set(id, limiter);
  }
  return limiter;
}

/**
 * Counts one attempt against `key` (at most `limit` per `windowSeconds`, the window starting at
 * the first attempt) and says whether it is allowed and, if not, in how many seconds it will be.
 */
export async function consumeRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  db: Db = defaultDb,
): Promise<RateDecision> {
  await pruneNowAndThen(db);
  try {
    await limiterFor(db, limit, windowSeconds).consume(bucketKey(key));
    return { allowed: true, retryAfterSeconds: 0 };
  } catch (refused) {
    if (refused instanceof RateLimiterRes)
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refused.msBeforeNext / 1000)) };
    throw refused;
  }
}

const PRUNE_EVERY_MS = 60_000;
const lastPruned = new WeakMap<object, number>();

/** At most once a minute per process and database, expired buckets go (no timer to keep alive). */
async function pruneNowAndThen(db: Db): Promise<void> {
  const now = Date.now();
  if (now - (lastPruned.get(db) ?? 0) < PRUNE_EVERY_MS) return;
  lastPruned.set(db, now);
  await pruneRateLimits(new Date(now), db);
}

/** Deletes buckets whose window ended before `now`; answers how many went. */
export async function pruneRateLimits(now = new Date(), db: Db = defaultDb): Promise<number> {
  const gone = await db
    .delete(rateLimitBuckets)
    .where(lt(rateLimitBuckets.expire, now))
    .returning({ key: rateLimitBuckets.key });
  return gone.length;
}
