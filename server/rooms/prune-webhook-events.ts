import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/db";
import { livekitWebhookEvents } from "@/db/schema";

/**
 * A webhook event's id is kept only to make a repeated delivery a no-op, and LiveKit retries a
 * delivery for minutes, not days: a week is far past any retry.
 */
export const KEEP_WEBHOOK_EVENTS_MS = 7 * 86_400_000;
export const PRUNE_WEBHOOK_EVENTS_JOB = "rooms.prune-webhook-events";

export async function pruneWebhookEvents(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(livekitWebhookEvents)
    .where(lt(livekitWebhookEvents.receivedAt, new Date(now.getTime() - KEEP_WEBHOOK_EVENTS_MS)))
    .returning({ id: livekitWebhookEvents.id });
  return rows.length;
}
