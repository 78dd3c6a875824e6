import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { moderationEvents } from "@/db/schema";
import { latestStep, type ModerationStep } from "@/lib/domain/moderation";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";

/** The latest step shown to the customer themself (their page shows it again after a reload). */
export async function myRoomNotice(actor: Actor): Promise<ModerationStep | null> {
  if (actor.kind !== "customer" || !can(actor, "room.join", { invitationId: actor.invitationId }))
    return null;
  const rows = await db
    .select({ step: moderationEvents.step })
    .from(moderationEvents)
    .where(eq(moderationEvents.invitationId, actor.invitationId));
  return latestStep(rows.map((r) => r.step));
}
