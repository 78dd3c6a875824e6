import "server-only";
import { createHash } from "node:crypto";
import { lt, sql } from "drizzle-orm";
import { type Db, db as defaultDb, type Tx } from "@/db";
import { rateLimitBuckets } from "@/db/schema";
import { groupCommit } from "@/server/group-commit";

/*
 * Rate limits counted in the shared database (docs/decisions/016-rate-limits.md), so every app
 * instance counts together. The attempts that arrive together (one turn of the event loop) are
 * counted with ONE upsert: a busy survey used to pay one write transaction (and one fsync) per
 * submit for its counter, more than the answer itself (decision 019). Each caller is answered once
 * that statement has committed, so the count is exact across instances, not an estimate.
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

/** The row's key: the limit and window first (rate-limiter-flexible's prefix, kept), then the hashed key. */
const rowKey = (key: string, limit: number, windowSeconds: number) =>
  `rl${limit}/${windowSeconds}:${bucketKey(key)}`;

export type Attempt = { key: string; limit: number; windowSeconds: number };

/**
 * One statement for every attempt of the batch. A key asked n times adds n points at once; the
 * i-th of them is allowed when the points before the batch plus i stay within the limit — what n
 * separate attempts in arrival order would have answered. A window starts at a key's first
 * attempt and lasts `windowSeconds`; an attempt after it starts a new window. Refused attempts
 * count too (as in rate-limiter-flexible, which this replaces), so hammering does not reopen it.
 * Inside a caller's transaction (the survey answer's group commit), the count commits with it.
 */
export async function countAttempts(db: Tx, attempts: Attempt[]): Promise<RateDecision[]> {
  if (!attempts.length) return [];
  const now = new Date();
  const rows = new Map<string, { key: string; points: number; expire: Date }>();
  for (const a of attempts) {
    const key = rowKey(a.key, a.limit, a.windowSeconds);
    const row = rows.get(key);
    if (row) row.points++;
    else rows.set(key, { key, points: 1, expire: new Date(now.getTime() + a.windowSeconds * 1000) });
  }
  const expire = sql.identifier(rateLimitBuckets.expire.name);
  const points = sql.identifier(rateLimitBuckets.points.name);
  const expired = sql`${expire} <= ${now.getTime()}`;
  const counted = await db
    .insert(rateLimitBuckets)
    .values([...rows.values()])
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        points: sql`CASE WHEN ${expired} THEN excluded.${points} ELSE ${points} + excluded.${points} END`,
        expire: sql`CASE WHEN ${expired} THEN excluded.${expire} ELSE ${expire} END`,
      },
    })
    .returning();
  const after = new Map(counted.map((r) => [r.key, r]));
  const seen = new Map<string, number>();
  return attempts.map((a) => {
    const key = rowKey(a.key, a.limit, a.windowSeconds);
    const row = after.get(key);
    const mine = rows.get(key);
    if (!row || !mine) throw new Error("rate limit: the upsert returned no row for a key");
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    const consumed = row.points - mine.points + nth;
    if (consumed <= a.limit) return { allowed: true, retryAfterSeconds: 0 };
    const msLeft = (row.expire?.getTime() ?? now.getTime()) - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  });
}

const batchers = new WeakMap<object, (a: Attempt) => Promise<RateDecision>>();

function batcherFor(db: Db) {
  let count = batchers.get(db);
  if (!count) {
    count = groupCommit<Attempt, RateDecision>((attempts) => countAttempts(db, attempts), 512);
    batchers.set(db, count);
  }
  return count;
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
  return batcherFor(db)({ key, limit, windowSeconds });
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
