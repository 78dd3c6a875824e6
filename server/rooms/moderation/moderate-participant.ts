import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { invitations, moderationEvents } from "@/db/schema";
import { stepAllowed } from "@/lib/domain/moderation";
import type { ModerationEntry } from "@/lib/domain/moderation-entry";
import { customerIdentity } from "@/lib/domain/room-identity";
import { type ModerateInput, zModerate } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";
import { broadcastToSessionStaff } from "../broadcast";
import { removeFromRoom, sendToIdentities } from "../room-service";
import { sessionRoomNames } from "../speed-dating";
import { moderationEntry } from "./moderation-entry";

/**
 * One step of the moderation ladder. The step is written to the customer's record first (with
 * category, time and who acted); only then is the customer told, privately, and on removal
 * disconnected and barred from new tokens for this session.
 */
export async function moderateParticipant(anyActor: Actor, input: ModerateInput): Promise<ModerationEntry> {
  const data = zModerate.parse(input);
  const { session, actor } = await authorizeSession(anyActor, data.sessionId, "room.moderate");
  const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, data.invitationId) });
  if (inv?.sessionId !== session.id) throw notFound("Participant not found");
  const entry = await db.transaction(async (tx) => {
    const done = (
      await tx
        .select({ step: moderationEvents.step })
        .from(moderationEvents)
        .where(eq(moderationEvents.invitationId, inv.id))
    ).map((r) => r.step);
    if (!stepAllowed(done, data)) {
      throw conflict(
        data.step === "removal"
          ? "Removal comes after the second warning, or at once for threats and discriminatory abuse"
          : "That step is not next on the ladder for this participant",
      );
    }
    const [row] = await tx
      .insert(moderationEvents)
      .values({
        sessionId: session.id,
        invitationId: inv.id,
        customerId: inv.customerId,
        step: data.step,
        category: data.category,
        note: data.note,
        actedById: actor.userId,
      })
      .returning();
    if (data.step === "removal")
      await tx
        .update(invitations)
        .set({ removedFromRoomAt: row!.createdAt })
        .where(eq(invitations.id, inv.id));
    await audit(tx, actor, `moderation_${data.step}`, "invitation", inv.id);
    return moderationEntry(row!, actor.name);
  });
  const identity = customerIdentity(inv.id);
  // Every room of the session: a speed-dating customer is in their table's room.
  for (const name of sessionRoomNames(session)) {
    await sendToIdentities(name, [identity], { topic: "notice", type: "moderation", step: entry.step });
    if (entry.step === "removal") await removeFromRoom(name, identity);
  }
  await broadcastToSessionStaff(session, { topic: "backroom", type: "moderation", entry });
  return entry;
}
