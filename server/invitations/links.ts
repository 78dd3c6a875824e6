import "server-only";
import type { Tx } from "@/db";
import { type Invitation, invitationLinks, type Session } from "@/db/schema";
import { env } from "@/env";
import { newLinkToken } from "@/server/security/tokens";

/** Links stay good until a day after the session, and never for less than INVITE_LINK_DAYS. */
export function linkExpiry(session: Pick<Session, "startsAt" | "durationMinutes">, now = new Date()): Date {
  const end = session.startsAt.getTime() + session.durationMinutes * 60_000;
  return new Date(Math.max(end + 24 * 3600_000, now.getTime() + env.INVITE_LINK_DAYS * 24 * 3600_000));
}

/** A further personal link for a later email; only its hash is stored. Returns the token. */
export async function mintInvitationLink(
  tx: Tx,
  invitation: Pick<Invitation, "id" | "tokenHash">,
  session: Pick<Session, "startsAt" | "durationMinutes">,
): Promise<string> {
  const { token, hash } = newLinkToken();
  await tx.insert(invitationLinks).values({
    invitationId: invitation.id,
    tokenHash: hash,
    issuedWith: invitation.tokenHash,
    expiresAt: linkExpiry(session),
  });
  return token;
}
