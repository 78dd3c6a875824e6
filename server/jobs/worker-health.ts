import "server-only";
import { lt, max } from "drizzle-orm";
import type { Db } from "@/db";
import { workerHeartbeats } from "@/db/schema";

export const HEALTHY_WITHIN_MS = 30_000;
// Worker ids are per process, so rows of stopped processes are pruned after a day.
const PRUNE_AFTER_MS = 24 * 3600_000;

/** Records that `workerId` is alive at `now`, and prunes heartbeats of long-gone workers. */
export async function writeHeartbeat(db: Db, workerId: string, now = new Date()): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ workerId, seenAt: now })
    .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { seenAt: now } });
  await db
    .delete(workerHeartbeats)
    .where(lt(workerHeartbeats.seenAt, new Date(now.getTime() - PRUNE_AFTER_MS)));
}

/** Whether any worker reported within the last 30 s, and when the latest one did. */
export async function workerHealth(
  db: Db,
  now = new Date(),
): Promise<{ ok: boolean; lastSeenAt: Date | null }> {
  const [row] = await db.select({ lastSeenAt: max(workerHeartbeats.seenAt) }).from(workerHeartbeats);
  const lastSeenAt = row?.lastSeenAt ?? null;
  return { ok: lastSeenAt !== null && now.getTime() - lastSeenAt.getTime() <= HEALTHY_WITHIN_MS, lastSeenAt };
}
