import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { consents, customers, invitations } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { moderationHistoryOf } from "@/server/rooms/moderation/moderation-history";
import { trainedStaffOf } from "@/server/rooms/story-turns";

/**
 * The facilitator's briefing before a session: who is coming, in which language and time zone,
 * what each guest asked for, their standing accessibility notes, what they consented to, and any
 * warnings or removals in earlier sessions.
 * Facilitators of the session and admins only; every read is audited.
 */
export async function getBriefing(actor: Actor, sessionId: string) {
  const { session } = await authorizeSession(actor, sessionId, "session.briefing");
  const guests = await db
    .select({
      invitationId: invitations.id,
      customerId: invitations.customerId,
      status: invitations.status,
      accommodations: invitations.accommodations,
      accommodationOther: invitations.accommodationOther,
      payoutStatus: invitations.payoutStatus,
      name: customers.name,
      language: customers.language,
      timeZone: customers.timeZone,
      accessibilityNotes: customers.accessibilityNotes,
    })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(
      and(
        eq(invitations.sessionId, sessionId),
        inArray(invitations.status, ["accepted", "attended", "waitlisted"]),
      ),
    )
    .orderBy(asc(customers.name));
  const given = guests.length
    ? await db
        .select({ invitationId: consents.invitationId, purpose: consents.purpose, granted: consents.granted })
        .from(consents)
        .where(
          inArray(
            consents.invitationId,
            guests.map((g) => g.invitationId),
          ),
        )
        .orderBy(desc(consents.createdAt))
    : [];
  // The newest decision per purpose wins (rows are ordered newest first).
  const latest = new Map<string, Record<string, boolean>>();
  for (const c of given) {
    const m = latest.get(c.invitationId) ?? {};
    if (!(c.purpose in m)) m[c.purpose] = c.granted;
    latest.set(c.invitationId, m);
  }
  // Warnings and removals from other sessions, so this facilitator is prepared.
  const history = await moderationHistoryOf([...new Set(guests.map((g) => g.customerId))]);
  // Specialist seating (story circles and speed dating): who among the session's staff is trained
  // to support the guests who asked for accommodations, who are heard first by / seated with them.
  const seated = session.format === "story_circle" || session.format === "speed_dating";
  const trained = seated ? await trainedStaffOf(db, session) : [];
  await audit(db, actor, "read_briefing", "session", sessionId);
  return {
    session,
    guests: guests.map((g) => ({
      ...g,
      name: g.name ?? "Withdrawn guest",
      consents: latest.get(g.invitationId) ?? {},
      moderation: (history.get(g.customerId) ?? []).filter((h) => h.sessionId !== sessionId),
      supportedBy: seated && trained.length && g.accommodations.length ? trained : null,
    })),
  };
}
