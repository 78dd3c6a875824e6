import "server-only";
import { and, eq, gt } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitationLinks, invitations, sessions } from "@/db/schema";
import type { CustomerActor } from "@/server/auth/actor";
import { hashToken } from "@/server/security/tokens";

/**
 * A personal invitation token → its invitation, if the link is still good. Changes nothing.
 * The token is the invitation's own or one minted for a later email (while the invitation still
 * has the token it was minted beside).
 */
export async function resolveInvitationToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = hashToken(token);
  const joined = () =>
    db
      .select({ invitation: invitations, session: sessions, customer: customers })
      .from(invitations)
      .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
      .innerJoin(customers, eq(customers.id, invitations.customerId));
  const [own] = await joined().where(eq(invitations.tokenHash, hash));
  const row =
    own ??
    (
      await joined()
        .innerJoin(
          invitationLinks,
          and(
            eq(invitationLinks.invitationId, invitations.id),
            eq(invitationLinks.issuedWith, invitations.tokenHash),
          ),
        )
        .where(and(eq(invitationLinks.tokenHash, hash), gt(invitationLinks.expiresAt, new Date())))
    )[0];
  if (!row) return null;
  const { invitation, customer } = row;
  if (invitation.tokenRevokedAt || invitation.tokenExpiresAt.getTime() < Date.now() || customer.erasedAt)
    return null;
  return row;
}

export function customerActorOf(
  row: NonNullable<Awaited<ReturnType<typeof resolveInvitationToken>>>,
): CustomerActor {
  return {
    kind: "customer",
    invitationId: row.invitation.id,
    customerId: row.customer.id,
    sessionId: row.session.id,
  };
}
