import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db";
import { invitations, type ModerationEvent, moderationEvents, users } from "@/db/schema";
import { IMMEDIATE_REMOVAL, MODERATION_STEPS, type ModerationStep } from "@/lib/domain/moderation";
import { customerIdentity } from "@/lib/domain/room-identity";
import { type ModerateInput, zModerate } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { conflict, forbidden, notFound } from "@/server/errors";
import { authorizeSession } from "@/server/sessions/session-access";
import { broadcastToSessionStaff, TOPIC_NOTICE } from "./broadcast";
import { removeFromRoom, sendToIdentities } from "./room-service";
import { sessionRoomNames } from "./speed-dating";

export type ModerationEntry = ModerationEvent & { actedByName: string };

/** Which step may follow: warnings in order; removal after the second warning, or at once for
 * threats and discriminatory abuse (PRODUCT.md, "Abusive participants"). */
export function stepAllowed(
  done: readonly ModerationStep[],
  input: Pick<ModerateInput, "step" | "category">,
) {
  if (done.includes("removal")) return false;
  if (done.includes(input.step)) return false;
  if (input.step === "warning_1") return true;
  if (input.step === "warning_2") return done.includes("warning_1");
  return done.includes("warning_2") || IMMEDIATE_REMOVAL.includes(input.category);
}

/**
 * One step of the moderation ladder. The step is written to the customer's record first (with
 * category, time and who acted); only then is the customer told, privately, and on removal
 * disconnected and barred from new tokens for this session.
 */
export async function moderateParticipant(actor: Actor, input: ModerateInput): Promise<ModerationEntry> {
  const data = zModerate.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.moderate");
  if (actor.kind !== "staff") throw forbidden();
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
    return { ...row!, actedByName: actor.name };
  });
  const identity = customerIdentity(inv.id);
  // Every room of the session: a speed-dating customer is in their table's room.
  for (const name of sessionRoomNames(session)) {
    await sendToIdentities(name, [identity], TOPIC_NOTICE, { type: "moderation", step: entry.step });
    if (entry.step === "removal") await removeFromRoom(name, identity);
  }
  await broadcastToSessionStaff(session, { type: "moderation", entry });
  return entry;
}

/** The latest step shown to the customer themself (their page shows it again after a reload). */
export async function myRoomNotice(actor: Actor): Promise<ModerationStep | null> {
  if (actor.kind !== "customer" || !can(actor, "room.join", { invitationId: actor.invitationId }))
    return null;
  const rows = await db
    .select({ step: moderationEvents.step })
    .from(moderationEvents)
    .where(eq(moderationEvents.invitationId, actor.invitationId));
  // The ladder only climbs, so the highest step is the latest (timestamps can tie within a ms).
  return MODERATION_STEPS.findLast((s) => rows.some((r) => r.step === s)) ?? null;
}

/** This session's moderation log, plus how many steps each customer had in earlier sessions. */
export async function moderationForSession(actor: Actor, sessionId: string) {
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
  return {
    entries: rows.map((r): ModerationEntry => ({ ...r.event, actedByName: r.actedByName })),
    priorByCustomer,
  };
}
