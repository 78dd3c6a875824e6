import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations } from "@/db/schema";
import { env } from "@/env";
import { zInviteCustomers } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { conflict } from "@/server/errors";
import { invitationMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { newLinkToken } from "@/server/security/tokens";
import { authorizeSession } from "@/server/sessions/session-access";

/**
 * Invites customers to a session: one invitation with a personal link each, and its email in the
 * outbox in the same transaction. Customers already invited are skipped, so a retry is harmless.
 */
export async function inviteCustomers(actor: Actor, input: { sessionId: string; customerIds: string[] }) {
  const data = zInviteCustomers.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (session.status === "ended" || session.status === "cancelled") throw conflict("This session is closed");
  if (session.status === "draft") throw conflict("Schedule the session before inviting customers");
  const expires = new Date(
    Math.max(session.startsAt.getTime() + 24 * 3600_000, Date.now() + env.INVITE_LINK_DAYS * 24 * 3600_000),
  );
  return db.transaction(async (tx) => {
    const people = await tx
      .select()
      .from(customers)
      .where(and(inArray(customers.id, data.customerIds), isNull(customers.erasedAt)));
    const already = await tx
      .select({ customerId: invitations.customerId })
      .from(invitations)
      .where(and(eq(invitations.sessionId, session.id), inArray(invitations.customerId, data.customerIds)));
    const skip = new Set(already.map((a) => a.customerId));
    let invited = 0;
    for (const person of people) {
      if (skip.has(person.id) || !person.email) continue;
      const { token, hash } = newLinkToken();
      const [inv] = await tx
        .insert(invitations)
        .values({ sessionId: session.id, customerId: person.id, tokenHash: hash, tokenExpiresAt: expires })
        .returning({ id: invitations.id });
      const mail = invitationMail({
        locale: person.language,
        token,
        title: session.title,
        startsAt: session.startsAt,
        timeZone: person.timeZone,
        durationMinutes: session.durationMinutes,
      });
      await enqueueEmail(tx, { kind: "invitation", to: person.email, customerId: person.id, ...mail });
      await audit(tx, actor, "invite", "invitation", inv?.id ?? null);
      invited++;
    }
    return { invited, skipped: data.customerIds.length - invited };
  });
}
