import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { OUTBOX_STATUSES, outbox } from "@/db/schema";

export type OutboxStatus = {
  counts: Record<(typeof OUTBOX_STATUSES)[number], number>;
  /** Latest dead letters; ids and errors only, never addresses or bodies. */
  dead: { id: string; kind: string; lastError: string | null; attempts: number; createdAt: Date }[];
};

/** Outbox counts by status and the latest dead rows, for staff. The caller authorizes. */
export async function outboxStatus(db: Db, deadLimit = 20): Promise<OutboxStatus> {
  const [rows, dead] = await Promise.all([
    db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
    db
      .select({
        id: outbox.id,
        kind: outbox.kind,
        lastError: outbox.lastError,
        attempts: outbox.attempts,
        createdAt: outbox.createdAt,
      })
      .from(outbox)
      .where(eq(outbox.status, "dead"))
      .orderBy(desc(outbox.createdAt))
      .limit(deadLimit),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as OutboxStatus["counts"];
  for (const r of rows) counts[r.status] = r.n;
  return { counts, dead };
}
