// Fixtures for the invitation-lifecycle tests: sessions at chosen wall-clock times, fresh customers
// in chosen languages and zones, their personal links (read from the queued invitation email).
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, outbox, sessionStaff, sessions } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import type { Language } from "@/lib/domain/languages";
import type { StaffActor } from "@/server/auth/actor";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { createSession } from "@/server/sessions/create-session";

export { parseIcs } from "./ics";

export const ACCEPT = {
  decision: "accept" as const,
  participate: true,
  quoteAnonymously: false,
  record: false,
  contactAfter: false,
  accommodations: [],
  accommodationOther: "",
};
export const DECLINE = { ...ACCEPT, decision: "decline" as const };

export async function newSession(
  facilitator: StaffActor,
  o: { startsAtLocal: string; timeZone: string; seats?: number; durationMinutes?: number; title?: string },
) {
  const { id } = await createSession(facilitator, {
    title: o.title ?? `Lifecycle ${crypto.randomUUID().slice(0, 6)}`,
    description: "",
    format: "story_circle",
    startsAtLocal: o.startsAtLocal,
    timeZone: o.timeZone,
    durationMinutes: o.durationMinutes ?? 45,
    seats: o.seats ?? 10,
    observersHidden: true,
  });
  return id;
}

export async function addStaff(sessionId: string, userId: string) {
  await db.insert(sessionStaff).values({ sessionId, userId, roomRole: "observer" }).onConflictDoNothing();
}

export async function newCustomers(
  n: number,
  o: { language?: Language; timeZone?: string; tags?: string[]; segment?: string } = {},
) {
  const rows = Array.from({ length: n }, (_, i) => ({
    name: `Test Guest ${i + 1}`,
    email: `guest-${crypto.randomUUID()}@example.test`,
    language: o.language ?? "en",
    timeZone: o.timeZone ?? "Europe/London",
    tags: o.tags ?? [],
    segment: o.segment ?? null,
  }));
  return db.insert(customers).values(rows).returning();
}

/** Invites the customers and returns each one's personal token (from the queued email). */
export async function invite(facilitator: StaffActor, sessionId: string, customerIds: string[]) {
  await inviteCustomers(facilitator, { sessionId, customerIds });
  const mails = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, "invitation"), inArray(outbox.customerId, customerIds)));
  const tokens = new Map<string, string>();
  for (const m of mails) {
    const token = /\/i\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1];
    const row = token ? await resolveInvitationToken(token) : null;
    if (token && row?.session.id === sessionId) tokens.set(m.customerId ?? "", token);
  }
  return customerIds.map((id) => {
    const t = tokens.get(id);
    if (!t) throw new Error(`no invitation email for ${id}`);
    return t;
  });
}

export async function actorFor(token: string) {
  const row = await resolveInvitationToken(token);
  if (!row) throw new Error("link does not resolve");
  return customerActorOf(row);
}

export async function rsvp(token: string, answer: typeof ACCEPT | typeof DECLINE = ACCEPT) {
  return respondToInvitation(await actorFor(token), answer, "en");
}

export const sessionRow = async (id: string) => {
  const s = await db.query.sessions.findFirst({ where: eq(sessions.id, id) });
  if (!s) throw new Error("no session");
  return s;
};

/**
 * A live session two days ahead (UTC) with these customers invited and booked, and `attended` of
 * them (all by default) marked attended as the room marks them: ready to be ended.
 */
export async function liveSessionWith(
  facilitator: StaffActor,
  people: { id: string }[],
  attended: { id: string }[] = people,
) {
  const startsAtLocal = instantToZonedWallTime(new Date(Date.now() + 2 * 86400_000), "UTC");
  const sessionId = await newSession(facilitator, { startsAtLocal, timeZone: "UTC" });
  const tokens = await invite(
    facilitator,
    sessionId,
    people.map((p) => p.id),
  );
  for (const t of tokens) await rsvp(t);
  if (attended.length)
    await db
      .update(invitations)
      .set({ status: "attended" })
      .where(
        and(
          eq(invitations.sessionId, sessionId),
          inArray(
            invitations.customerId,
            attended.map((p) => p.id),
          ),
          eq(invitations.status, "accepted"),
        ),
      );
  await db.update(sessions).set({ status: "live" }).where(eq(sessions.id, sessionId));
  return { sessionId, tokens };
}
