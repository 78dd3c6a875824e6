import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations } from "@/db/schema";
import { env } from "@/env";
import { zInvitationRef } from "@/lib/validation/invitations";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { conflict, notFound } from "@/server/errors";
import { invitationMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { newLinkToken } from "@/server/security/tokens";
import { authorizeSession } from "@/server/sessions/session-access";

/**
 * Sends a guest a fresh personal link (lost email, forwarded link): the new token replaces the
 * old hash in the same write, so the old link stops working the moment the new one exists.
 */
export async function reissueInvitationLink(
  actor: Actor,
  input: { sessionId: string; invitationId: string },
) {
  const data = zInvitationRef.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (session.status === "ended" || session.status === "cancelled") throw conflict("This session is closed");
  const { token, hash } = newLinkToken();
  const expires = new Date(
    Math.max(session.startsAt.getTime() + 24 * 3600_000, Date.now() + env.INVITE_LINK_DAYS * 24 * 3600_000),
  );
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ invitation: invitations, customer: customers })
      .from(invitations)
      .innerJoin(customers, eq(customers.id, invitations.customerId))
      .where(
        and(
          eq(invitations.id, data.invitationId),
          eq(invitations.sessionId, session.id),
          isNull(customers.erasedAt),
        ),
      );
    if (!row?.customer.email) throw notFound();
    if (row.invitation.status === "withdrawn") throw conflict("This guest has withdrawn");
    await tx
      .update(invitations)
      .set({ tokenHash: hash, tokenExpiresAt: expires, tokenRevokedAt: null })
      .where(eq(invitations.id, row.invitation.id));
    const mail = invitationMail({
      locale: row.customer.language,
      token,
      title: session.title,
      startsAt: session.startsAt,
      timeZone: row.customer.timeZone,
      durationMinutes: session.durationMinutes,
    });
    await enqueueEmail(tx, {
      kind: "invitation",
      to: row.customer.email,
      customerId: row.customer.id,
      ...mail,
    });
    await audit(tx, actor, "reissue_link", "invitation", row.invitation.id);
  });
}

/** Stops a guest's personal link from working (e.g. it was forwarded); a re-issue restores access. */
export async function revokeInvitationLink(actor: Actor, input: { sessionId: string; invitationId: string }) {
  const data = zInvitationRef.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  await db.transaction(async (tx) => {
    const done = await tx
      .update(invitations)
      .set({ tokenRevokedAt: new Date() })
      .where(and(eq(invitations.id, data.invitationId), eq(invitations.sessionId, session.id)))
      .returning({ id: invitations.id });
    if (!done.length) throw notFound();
    await audit(tx, actor, "revoke_link", "invitation", data.invitationId);
  });
}
