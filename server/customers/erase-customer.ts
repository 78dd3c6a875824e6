import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
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
import type { Language } from "@/lib/domain/languages";
import { eraseSegmentFromRollups } from "@/server/analytics/rollups/erase-segment";
import { promoteFromWaitlist } from "@/server/invitations/promote-waitlisted";

/** What staff see where an erased customer's words were (staff pages are English). */
export const ERASED_TEXT = "[withdrawn by the customer]";

export type Erased = {
  /** The address the customer had, for the confirmation mail and the development mailbox; never stored again. */
  email: string | null;
  language: Language;
  alreadyErased: boolean;
};

/**
 * Erases one customer inside the caller's transaction: name, contacts, accessibility needs, free
 * text that could identify them, pending and sent mail, and every link. Scores stay, anonymous, so
 * the aggregates keep their shape. `secure_delete` makes SQLite overwrite the freed bytes; call
 * `finishErasure` after the commit to move them out of the WAL too. A seat they held goes to the
 * earliest waitlisted customer. The one erasure behind withdrawal, staff erasure and retention.
 */
export async function eraseCustomerInTx(tx: Tx, customerId: string, now = new Date()): Promise<Erased> {
  // The dashboard's rollups are sliced by segment: the customer's answers move to no segment.
  await eraseSegmentFromRollups(tx, customerId);
  const [who] = await tx
    .select({ email: customers.email, language: customers.language, erasedAt: customers.erasedAt })
    .from(customers)
    .where(eq(customers.id, customerId));
  const invs = await tx
    .select({ id: invitations.id, status: invitations.status, sessionId: invitations.sessionId })
    .from(invitations)
    .where(eq(invitations.customerId, customerId));
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
          .set({ quote: ERASED_TEXT, responseId: null })
          .where(
            inArray(
              insightEvidence.responseId,
              responses.map((r) => r.id),
            ),
          );
      // Free text goes (the comment and every text answer); ratings and choices stay, anonymous.
      await tx
        .update(surveyResponses)
        .set({ comment: null, texts: {} })
        .where(inArray(surveyResponses.surveyId, surveyIds));
      await tx
        .update(surveys)
        .set({ invitationId: null, tokenExpiresAt: now, draft: null, draftSavedAt: null })
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
    .set({ text: ERASED_TEXT, customerId: null })
    .where(eq(roomNotes.customerId, customerId));
  await tx.update(moderationEvents).set({ note: "" }).where(eq(moderationEvents.customerId, customerId));
  // Notes logged outside sessions, and every quote of theirs copied into an insight, likewise
  // (the evidence row stays, so "heard N times" keeps its count).
  await tx
    .update(listeningNotes)
    .set({ text: ERASED_TEXT, customerId: null })
    .where(eq(listeningNotes.customerId, customerId));
  await tx
    .update(insightEvidence)
    .set({ quote: ERASED_TEXT })
    .where(eq(insightEvidence.customerId, customerId));
  // Pending mail is never sent; sent mail is erased from the log too (it holds the address).
  await tx.delete(outbox).where(eq(outbox.customerId, customerId));
  await tx
    .update(customers)
    .set({
      name: null,
      preferredName: null,
      email: null,
      phone: null,
      accessibilityNotes: null,
      tags: [],
      segment: null,
      erasedAt: who?.erasedAt ?? now,
    })
    .where(eq(customers.id, customerId));
  for (const sessionId of freedSeats) await promoteFromWaitlist(tx, sessionId);
  return {
    email: who?.email ?? null,
    language: who?.language ?? "en",
    alreadyErased: Boolean(who?.erasedAt),
  };
}
