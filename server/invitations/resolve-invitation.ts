import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, sessions } from "@/db/schema";
import type { CustomerActor } from "@/server/auth/actor";
import { hashToken } from "@/server/security/tokens";

/** A personal invitation token → its invitation, if the link is still good. Changes nothing. */
export async function resolveInvitationToken(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ invitation: invitations, session: sessions, customer: customers })
    .from(invitations)
    .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(eq(invitations.tokenHash, hashToken(token)));
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
