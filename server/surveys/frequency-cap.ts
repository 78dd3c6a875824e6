import "server-only";
import { lte } from "drizzle-orm";
import type { Tx } from "@/db";
import { surveyCaps } from "@/db/schema";

const DAY_MS = 86_400_000;

/**
 * Claims the right to survey a customer now: true when they were never surveyed or last more
 * than `capDays` ago, and then records now. One conditional upsert, atomic under SQLite's write
 * lock, so of two dispatches at the same moment (two sessions ending together) only one claims.
 */
export async function claimSurveyCap(
  tx: Tx,
  customerId: string,
  now: Date,
  capDays: number,
): Promise<boolean> {
  const cutoff = new Date(now.getTime() - capDays * DAY_MS);
  const rows = await tx
    .insert(surveyCaps)
    .values({ customerId, lastSentAt: now })
    .onConflictDoUpdate({
      target: surveyCaps.customerId,
      set: { lastSentAt: now },
      setWhere: lte(surveyCaps.lastSentAt, cutoff),
    })
    .returning({ customerId: surveyCaps.customerId });
  return rows.length === 1;
}
