import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db";
import { outbox } from "@/db/schema";

/** How long a sent mail's row stays (its Message-ID, for a customer's "did you mail me?"). */
export const KEEP_SENT_MAIL_MS = 30 * 86_400_000;
export const PRUNE_OUTBOX_JOB = "outbox.prune-sent";

/**
 * Deletes sent mail older than KEEP_SENT_MAIL_MS (~26 MB a day at scale otherwise). Pending mail
 * is still to be delivered and dead letters wait for an admin (the health page lists them), so
 * both stay whatever their age.
 */
export async function pruneSentMail(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(and(eq(outbox.status, "sent"), lt(outbox.sentAt, new Date(now.getTime() - KEEP_SENT_MAIL_MS))))
    .returning({ id: outbox.id });
  return rows.length;
}
