import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { customers, invitations } from "@/db/schema";
import type { InvitationStatus } from "@/lib/domain/invitations";
import { notErased } from "@/server/customers/customer-where";

/** Invitations matching `where`, each with its customer; an erased customer's never. */
export function guestRows(tx: Tx, where: SQL | undefined) {
  return tx
    .select({ invitation: invitations, customer: customers })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(and(where, notErased()));
}

/** A session's guests whose invitation is in one of `statuses`, with their customer records. */
export function sessionGuests(tx: Tx, sessionId: string, statuses: readonly InvitationStatus[]) {
  return guestRows(tx, and(eq(invitations.sessionId, sessionId), inArray(invitations.status, [...statuses])));
}
