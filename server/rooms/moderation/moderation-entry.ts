import "server-only";
import type { ModerationEvent } from "@/db/schema";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";

/** A stored moderation step as staff see it (instants as epoch milliseconds, safe in JSON). */
export const moderationEntry = (row: ModerationEvent, actedByName: string): ModerationEntry => ({
  id: row.id,
  sessionId: row.sessionId,
  invitationId: row.invitationId,
  customerId: row.customerId,
  step: row.step,
  category: row.category,
  note: row.note,
  actedById: row.actedById,
  actedByName,
  createdAt: row.createdAt.getTime(),
});
