import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import {
  customers,
  insightEvidence,
  invitations,
  listeningNotes,
  moderationEvents,
  outbox,
  roomNotes,
  surveyResponses,
  surveys,
} from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { CustomerActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { promoteFromWaitlist } from "./promote-waitlisted";

/** What staff see where an erased customer's words were (staff pages are English). */
const WITHDRAWN = "[withdrawn by the customer]";

/**
 * Withdrawal: erases the customer's personal data — name, contacts, accessibility needs, free text
 * that could identify them, pending mail — and revokes every link. Scores stay, anonymous, so the
 * aggregates keep their shape. `secure_delete` makes SQLite overwrite the freed bytes. A seat they
 * held goes to the earliest waitlisted customer, in the same transaction.
 */
export async function withdrawCustomer(actor: CustomerActor): Promise<void> {
  if (!can(actor, "invitation.respond", { invitationId: actor.invitationId })) throw notFound();
  const now = new Date();
  await db.transaction(async (tx) => {
    const invs = await tx
      .select({ id: invitations.id, status: invitations.status, sessionId: invitations.sessionId })
      .from(invitations)
      .where(eq(invitations.customerId, actor.customerId));
    const freedSeats = [...new Set(invs.filter((i) => i.status === "accepted").map((i) => i.sessionId))];
    const invIds = invs.map((i) => i.id);
    if (invIds.length) {
      const surveyRows = await tx
        .select({ id: surveys.id })
        .from(surveys)
        .where(inArray(surveys.invitationId, invIds));
      const surveyIds = surveyRows.map((s) => s.id);
      if (surveyIds.length) {
        const responses = await tx
          .select({ id: surveyResponses.id })
          .from(surveyResponses)
          .where(inArray(surveyResponses.surveyId, surveyIds));
        // Insights copied the comment as evidence: the count stays, the words go.
        if (responses.length)
          await tx
            .update(insightEvidence)
            .set({ quote: WITHDRAWN, responseId: null })
            .where(
              inArray(
                insightEvidence.responseId,
                responses.map((r) => r.id),
              ),
            );
        await tx
          .update(surveyResponses)
          .set({ comment: null })
          .where(inArray(surveyResponses.surveyId, surveyIds));
        await tx
          .update(surveys)
          .set({ invitationId: null, tokenExpiresAt: now })
          .where(inArray(surveys.id, surveyIds));
      }
      await tx
        .update(invitations)
        .set({ status: "withdrawn", accommodations: [], accommodationOther: null, tokenRevokedAt: now })
        .where(inArray(invitations.id, invIds));
    }
    // What staff wrote down about them in rooms: quotes unlinked and blanked, moderation notes
    // cleared (the step and category stay, as anonymous counts).
    await tx
      .update(roomNotes)
      .set({ text: WITHDRAWN, customerId: null })
      .where(eq(roomNotes.customerId, actor.customerId));
    // Notes logged outside sessions, and every quote of theirs copied into an insight, likewise
    // (the evidence row stays, so "heard N times" keeps its count).
    await tx
      .update(listeningNotes)
      .set({ text: WITHDRAWN, customerId: null })
      .where(eq(listeningNotes.customerId, actor.customerId));
    await tx
      .update(insightEvidence)
      .set({ quote: WITHDRAWN })
      .where(eq(insightEvidence.customerId, actor.customerId));
    await tx
      .update(moderationEvents)
      .set({ note: "" })
      .where(eq(moderationEvents.customerId, actor.customerId));
    // Pending mail is never sent; sent mail is erased from the log too (it holds the address).
    await tx.delete(outbox).where(eq(outbox.customerId, actor.customerId));
    await tx
      .update(customers)
      .set({
        name: null,
        email: null,
        phone: null,
        accessibilityNotes: null,
        tags: [],
        segment: null,
        erasedAt: now,
      })
      .where(eq(customers.id, actor.customerId));
    await audit(tx, actor, "withdraw_and_erase", "customer", actor.customerId);
    for (const sessionId of freedSeats) await promoteFromWaitlist(tx, sessionId);
  });
}
