import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { customers, invitations, sessions } from "@/db/schema";
import { audit } from "@/server/audit/log";
import { anonymous } from "@/server/auth/actor";
import { notifyInvitee } from "./notify-invitee";

/**
 * Fills free seats from the waiting list, earliest answer first, inside the caller's transaction
 * (the same one that freed the seat), and emails each promoted customer. Seats are counted in that
 * transaction and each promotion is conditional on the row still being waitlisted, so a concurrent
 * RSVP can never push the session over capacity.
 */
export async function promoteFromWaitlist(tx: Tx, sessionId: string): Promise<string[]> {
  const session = await tx.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
  if (!session || (session.status !== "scheduled" && session.status !== "live")) return [];
  const [taken] = await tx
    .select({ n: sql<number>`count(*)` })
    .from(invitations)
    .where(and(eq(invitations.sessionId, sessionId), inArray(invitations.status, ["accepted", "attended"])));
  const free = session.seats - (taken?.n ?? 0);
  if (free <= 0) return [];
  const next = await tx
    .select({ invitation: invitations, customer: customers })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, "waitlisted")))
    .orderBy(asc(invitations.respondedAt), asc(invitations.createdAt))
    .limit(free);
  const promoted: string[] = [];
  for (const { invitation, customer } of next) {
    const done = await tx
      .update(invitations)
      .set({ status: "accepted" })
      .where(and(eq(invitations.id, invitation.id), eq(invitations.status, "waitlisted")))
      .returning({ id: invitations.id });
    if (!done.length) continue;
    await notifyInvitee(tx, "promoted", { session, invitation, customer });
    await audit(tx, anonymous, "waitlist_promoted", "invitation", invitation.id);
    promoted.push(invitation.id);
  }
  return promoted;
}
