import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { invitations } from "@/db/schema";
import { zInvitationRef } from "@/lib/validation/invitations";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";
import { newLinkToken } from "@/server/security/tokens";
import { assertSessionOpen } from "@/server/sessions/session-closed";
import { linkExpiry } from "./links";
import { notifyInvitee } from "./notify-invitee";
import { guestRows } from "./session-guests";

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
  assertSessionOpen(session);
  const { token, hash } = newLinkToken();
  await db.transaction(async (tx) => {
    const [row] = await guestRows(
      tx,
      and(eq(invitations.id, data.invitationId), eq(invitations.sessionId, session.id)),
    );
    if (!row?.customer.email) throw notFound();
    if (row.invitation.status === "withdrawn") throw conflict("This guest has withdrawn");
    // A new invitation hash also ends every later-email link minted beside the old one.
    await tx
      .update(invitations)
      .set({ tokenHash: hash, tokenExpiresAt: linkExpiry(session), tokenRevokedAt: null })
      .where(eq(invitations.id, row.invitation.id));
    await notifyInvitee(tx, "invitation", {
      session,
      invitation: { ...row.invitation, tokenHash: hash },
      customer: row.customer,
      token,
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
