import "server-only";
import { and, eq, isNotNull, ne, notInArray } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations } from "@/db/schema";
import { zInviteAudience } from "@/lib/validation/sessions";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { can } from "@/server/auth/policy";
import { hasTag, notErased } from "@/server/customers/customer-where";
import { conflict, forbidden, invalid } from "@/server/errors";
import { inviteCustomers } from "./invite-customers";

/** The most customers one invitation batch may hold (zInviteCustomers' limit). */
export const MAX_INVITES_PER_BATCH = 500;

type AudienceInput = { sessionId: string; tag?: string; segment?: string };

/** Up to one more than a batch of the matching customers' ids (so "too many" is visible). */
async function matchingIds(actor: Actor, input: AudienceInput) {
  const data = zInviteAudience.parse(input);
  await authorizeSession(actor, data.sessionId, "session.manage");
  if (!can(actor, "customer.list")) throw forbidden();
  const already = db
    .select({ id: invitations.customerId })
    .from(invitations)
    .where(eq(invitations.sessionId, data.sessionId));
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        notErased(),
        isNotNull(customers.email),
        ne(customers.contactPreference, "none"),
        notInArray(customers.id, already),
        data.tag ? hasTag(data.tag) : undefined,
        data.segment ? eq(customers.segment, data.segment) : undefined,
      ),
    )
    .limit(MAX_INVITES_PER_BATCH + 1);
  return { sessionId: data.sessionId, ids: rows.map((r) => r.id) };
}

/**
 * Invites every customer with a tag and/or in a segment who is not invited yet. The set is
 * resolved here, on the server, and goes through `inviteCustomers` like a hand-picked list; a set
 * larger than one batch is refused rather than cut, so nobody is left out silently.
 */
export async function inviteAudience(actor: Actor, input: AudienceInput) {
  const { sessionId, ids } = await matchingIds(actor, input);
  if (ids.length === 0) throw invalid("Nobody matches who is not invited already", { tag: ["No match"] });
  if (ids.length > MAX_INVITES_PER_BATCH) {
    throw invalid(`More than ${MAX_INVITES_PER_BATCH} customers match; narrow the choice`, {
      tag: [`At most ${MAX_INVITES_PER_BATCH} per batch`],
    });
  }
  return inviteCustomers(actor, { sessionId, customerIds: ids });
}

/**
 * How many customers `inviteAudience` would mail right now, for the confirmation step; counts
 * past one batch are reported as `MAX_INVITES_PER_BATCH + 1` (the invitation would be refused).
 */
export async function countAudience(actor: Actor, input: AudienceInput): Promise<number> {
  return (await matchingIds(actor, input)).ids.length;
}

/**
 * The count shown before inviting a whole tag or segment; refused as the invitation itself would
 * be (nobody new matches, or more than one batch), so the confirmation cannot go ahead.
 */
export async function confirmAudience(actor: Actor, input: AudienceInput): Promise<number> {
  const count = await countAudience(actor, input);
  if (count === 0) throw conflict("Nobody matches who is not invited already.");
  if (count > MAX_INVITES_PER_BATCH)
    throw conflict(`More than ${MAX_INVITES_PER_BATCH} customers match; narrow the choice.`);
  return count;
}
