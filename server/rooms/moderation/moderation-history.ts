import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { moderationEvents, sessions, users } from "@/db/schema";
import type { ModerationCategory, ModerationStep } from "@/lib/domain/moderation";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** One moderation step on a customer's record, with the session it happened in. */
export type ModerationHistoryItem = {
  id: string;
  sessionId: string;
  sessionTitle: string;
  step: ModerationStep;
  category: ModerationCategory;
  note: string;
  actedByName: string;
  at: Date;
};

/**
 * Every moderation step logged for these customers, newest first, grouped by customer. The
 * caller has authorized the read (the customer record, or a session's briefing).
 */
export async function moderationHistoryOf(
  customerIds: string[],
): Promise<Map<string, ModerationHistoryItem[]>> {
  const byCustomer = new Map<string, ModerationHistoryItem[]>();
  if (customerIds.length === 0) return byCustomer;
  const rows = await db
    .select({ event: moderationEvents, sessionTitle: sessions.title, actedByName: users.name })
    .from(moderationEvents)
    .innerJoin(sessions, eq(sessions.id, moderationEvents.sessionId))
    .innerJoin(users, eq(users.id, moderationEvents.actedById))
    .where(inArray(moderationEvents.customerId, customerIds))
    .orderBy(desc(moderationEvents.createdAt));
  for (const { event, sessionTitle, actedByName } of rows) {
    const list = byCustomer.get(event.customerId) ?? [];
    list.push({
      id: event.id,
      sessionId: event.sessionId,
      sessionTitle,
      step: event.step,
      category: event.category,
      note: event.note,
      actedByName,
      at: event.createdAt,
    });
    byCustomer.set(event.customerId, list);
  }
  return byCustomer;
}

/**
 * A customer's moderation history for their record, so whoever runs their next session knows
 * (the seeds' procedure: "log it on the customer's record so the next person knows"). Those who
 * run sessions only; every read is audited.
 */
export async function customerModerationHistory(
  actor: Actor,
  customerId: string,
): Promise<ModerationHistoryItem[]> {
  assertCan(actor, "customer.moderation.read");
  const items = (await moderationHistoryOf([customerId])).get(customerId) ?? [];
  await audit(db, actor, "read_moderation_history", "customer", customerId);
  return items;
}
