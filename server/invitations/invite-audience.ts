import "server-only";
import { and, eq, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations } from "@/db/schema";
import { zInviteAudience } from "@/lib/validation/sessions";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, invalid } from "@/server/errors";
import { authorizeSession } from "@/server/sessions/session-access";
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
        isNull(customers.erasedAt),
        isNotNull(customers.email),
        notInArray(customers.id, already),
        data.tag
          ? sql`exists (select 1 from json_each(${customers.tags}) where value = ${data.tag})`
          : undefined,
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

/** Tags and segments in use, for the picker (no personal data). */
export async function audienceOptions(actor: Actor): Promise<{ tags: string[]; segments: string[] }> {
  if (!can(actor, "customer.list")) throw forbidden();
  const tagRows = await db.all<{ value: string }>(
    sql`select distinct j.value as value from ${customers}, json_each(${customers.tags}) j where ${customers.erasedAt} is null order by 1`,
  );
  const segRows = await db
    .selectDistinct({ segment: customers.segment })
    .from(customers)
    .where(and(isNull(customers.erasedAt), isNotNull(customers.segment)))
    .orderBy(customers.segment);
  return {
    tags: tagRows.map((r) => r.value),
    segments: segRows.map((r) => r.segment).filter((s): s is string => !!s),
  };
}
