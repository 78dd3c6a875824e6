import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { consents, invitations, sessions } from "@/db/schema";
import type { ConsentPurpose } from "@/lib/domain/consent";
import type { Locale } from "@/lib/i18n/config";
import { CONSENT_TEXT_VERSION } from "@/lib/i18n/consent-texts";
import { type InvitationResponseInput, zInvitationResponse } from "@/lib/validation/invitations";
import { audit } from "@/server/audit/log";
import type { CustomerActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { pinConsentTexts } from "@/server/consent/consent-texts";
import { consentWording } from "@/server/consent/consent-versions";
import { conflict, invalid, notFound } from "@/server/errors";
import { isSessionClosed } from "@/server/sessions/session-closed";
import { promoteFromWaitlist } from "./promote-waitlisted";

/**
 * Records the customer's separate consents and accommodations, then books a seat (or the waiting
 * list when full). The seat count is checked inside a write transaction, so concurrent RSVPs can
 * never exceed capacity. Declining a booked seat hands it to the earliest waitlisted customer in
 * the same transaction.
 */
export async function respondToInvitation(
  actor: CustomerActor,
  raw: InvitationResponseInput,
  locale: Locale,
) {
  if (!can(actor, "invitation.respond", { invitationId: actor.invitationId })) throw notFound();
  const input = zInvitationResponse.parse(raw);
  if (input.decision === "accept" && !input.participate) {
    throw invalid("participateRequired", { participate: ["participateRequired"] });
  }
  return db.transaction(async (tx) => {
    const inv = await tx.query.invitations.findFirst({ where: eq(invitations.id, actor.invitationId) });
    const session = inv && (await tx.query.sessions.findFirst({ where: eq(sessions.id, inv.sessionId) }));
    if (!inv || !session) throw notFound();
    if (isSessionClosed(session) || inv.status === "withdrawn") {
      throw conflict("closed");
    }
    const purposes: [ConsentPurpose, boolean][] = [
      ["participate", input.participate],
      ["quote_anonymously", input.quoteAnonymously],
      ["contact_after", input.contactAfter],
    ];
    if (session.recordingEnabled) purposes.push(["record", input.record]);
    // The version the invitation was made with (older invitations: the wording in the code).
    const version = inv.consentVersion ?? CONSENT_TEXT_VERSION;
    if (version === CONSENT_TEXT_VERSION)
      await pinConsentTexts(
        tx,
        locale,
        purposes.map(([purpose]) => purpose),
      );
    else await consentWording(tx, version, locale); // stored when the admin wrote it; refuses a gap
    await tx.insert(consents).values(
      purposes.map(([purpose, granted]) => ({
        invitationId: inv.id,
        purpose,
        granted,
        textVersion: version,
        language: locale,
      })),
    );
    let status: "accepted" | "attended" | "waitlisted" | "declined" = "declined";
    if (input.decision === "accept") {
      if (inv.status === "accepted" || inv.status === "attended") {
        status = inv.status; // already holds a seat (attended: has been in the room)
      } else {
        const [taken] = await tx
          .select({ n: sql<number>`count(*)` })
          .from(invitations)
          .where(
            and(eq(invitations.sessionId, session.id), inArray(invitations.status, ["accepted", "attended"])),
          );
        status = (taken?.n ?? 0) < session.seats ? "accepted" : "waitlisted";
      }
    }
    await tx
      .update(invitations)
      .set({
        status,
        respondedAt: new Date(),
        accommodations: input.decision === "accept" ? input.accommodations : [],
        accommodationOther: input.decision === "accept" ? input.accommodationOther.trim() || null : null,
      })
      .where(eq(invitations.id, inv.id));
    await audit(tx, actor, `rsvp_${status}`, "invitation", inv.id);
    if ((inv.status === "accepted" || inv.status === "attended") && status === "declined")
      await promoteFromWaitlist(tx, session.id);
    return { status };
  });
}
