import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations } from "@/db/schema";
import { mayEmail } from "@/lib/domain/customers";
import { zInviteCustomers } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { currentConsentVersion } from "@/server/consent/consent-versions";
import { notErased } from "@/server/customers/customer-where";
import { conflict } from "@/server/errors";
import { scheduleReminders } from "@/server/reminders/schedule-reminders";
import { newLinkToken } from "@/server/security/tokens";
import { assertSessionOpen } from "@/server/sessions/session-closed";
import { linkExpiry } from "./links";
import { notifyInvitee } from "./notify-invitee";

/**
 * Invites customers to a session: one invitation with a personal link each, and its email in the
 * outbox in the same transaction, with the calendar file. Customers already invited are skipped,
 * so a retry is harmless. The session's reminder jobs are queued with the first invitation.
 */
export async function inviteCustomers(actor: Actor, input: { sessionId: string; customerIds: string[] }) {
  const data = zInviteCustomers.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  assertSessionOpen(session);
  if (session.status === "draft") throw conflict("Schedule the session before inviting customers");
  const expires = linkExpiry(session);
  return db.transaction(async (tx) => {
    const people = await tx
      .select()
      .from(customers)
      .where(and(inArray(customers.id, data.customerIds), notErased()));
    const already = await tx
      .select({ customerId: invitations.customerId })
      .from(invitations)
      .where(and(eq(invitations.sessionId, session.id), inArray(invitations.customerId, data.customerIds)));
    const skip = new Set(already.map((a) => a.customerId));
    let invited = 0;
    const consentVersion = await currentConsentVersion(tx);
    for (const person of people) {
      if (skip.has(person.id) || !mayEmail(person)) continue;
      const { token, hash } = newLinkToken();
      const [inv] = await tx
        .insert(invitations)
        .values({
          sessionId: session.id,
          customerId: person.id,
          tokenHash: hash,
          tokenExpiresAt: expires,
          consentVersion,
        })
        .returning();
      if (!inv) throw new Error("invitation insert returned nothing");
      await notifyInvitee(tx, "invitation", { session, invitation: inv, customer: person, token });
      await audit(tx, actor, "invite", "invitation", inv.id);
      invited++;
    }
    if (invited) await scheduleReminders(tx, session);
    return { invited, skipped: data.customerIds.length - invited };
  });
}
