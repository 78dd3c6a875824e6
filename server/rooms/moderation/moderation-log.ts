import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db";
import { invitations, moderationEvents, users } from "@/db/schema";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { moderationEntry } from "./moderation-entry";

/** This session's moderation log, plus how many steps each customer had in earlier sessions. */
export async function moderationForSession(
  actor: Actor,
  sessionId: string,
): Promise<{ entries: ModerationEntry[]; priorByCustomer: Record<string, number> }> {
  await authorizeSession(actor, sessionId, "room.backroom");
  const rows = await db
    .select({ event: moderationEvents, actedByName: users.name })
    .from(moderationEvents)
    .innerJoin(users, eq(users.id, moderationEvents.actedById))
    .where(eq(moderationEvents.sessionId, sessionId))
    .orderBy(moderationEvents.createdAt);
  const customerIds = [...new Set(rows.map((r) => r.event.customerId))];
  const guests = await db
    .select({ customerId: invitations.customerId })
    .from(invitations)
    .where(eq(invitations.sessionId, sessionId));
  const all = [...new Set([...customerIds, ...guests.map((g) => g.customerId)])];
  const earlier = all.length
    ? await db
        .select({ customerId: moderationEvents.customerId })
        .from(moderationEvents)
        .where(and(inArray(moderationEvents.customerId, all), ne(moderationEvents.sessionId, sessionId)))
    : [];
  const priorByCustomer: Record<string, number> = {};
  for (const e of earlier) priorByCustomer[e.customerId] = (priorByCustomer[e.customerId] ?? 0) + 1;
  return { entries: rows.map((r) => moderationEntry(r.event, r.actedByName)), priorByCustomer };
}
