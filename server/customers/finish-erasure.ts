import "server-only";
import { sql } from "drizzle-orm";
import { db as appDb, type Db } from "@/db";
import { env } from "@/env";
import { eraseMessagesTo } from "@/mail-catcher/mailbox-store";
import { log } from "@/server/log/logger";
import { DEV_MAILBOX_DIR } from "@/server/notify/dev-mailbox";

/**
 * Moves the WAL into the database file and truncates it, so the pages `secure_delete` overwrote
 * are the only copy left: until a checkpoint the old frames (with the erased values) stay in the
 * `-wal` file. TRUNCATE waits (busy_timeout) for readers on older snapshots. True when every frame
 * was moved; a libSQL server owns its storage and refuses the statement (false, see decision 011).
 */
export async function checkpointWal(db: Db = appDb): Promise<boolean> {
  try {
    const result = await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    const row = result.rows[0] as unknown as { busy?: number; 0?: number } | undefined;
    const busy = Number(row?.busy ?? row?.[0] ?? 0);
    return busy === 0;
  } catch {
    return false;
  }
}

/**
 * What erasure does after its transaction commits: the WAL checkpoint, and in demo mode the
 * development mail catcher's copies of mail to the erased address (overwritten, then removed).
 */
export async function finishErasure(erasedEmail: string | null, db: Db = appDb): Promise<void> {
  if (erasedEmail && env.IMMERSION_DEMO) await eraseMessagesTo(DEV_MAILBOX_DIR, erasedEmail);
  if (!(await checkpointWal(db)) && env.DATABASE_URL.startsWith("file:"))
    log.warn(
      { component: "erasure" },
      "the WAL checkpoint did not complete; the next one moves the erased pages",
    );
}
