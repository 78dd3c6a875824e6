// A fresh scheduled session with booked customers and an agent on the staff list, for room tests.
import { db } from "@/db";
import { customers, invitations, sessionStaff } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import type { CustomerActor, StaffActor } from "@/server/auth/actor";
import { createSession } from "@/server/sessions/create-session";

export async function roomSession(
  facilitator: StaffActor,
  opts: { customers?: number; agent?: StaffActor } = {},
): Promise<{ sessionId: string; guests: CustomerActor[] }> {
  const { id } = await createSession(facilitator, {
    title: `Room ${crypto.randomUUID().slice(0, 8)}`,
    description: "",
    format: "story_circle",
    startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 86400_000), "Europe/London"),
    timeZone: "Europe/London",
    durationMinutes: 45,
    seats: 10,
    observersHidden: true,
  });
  if (opts.agent)
    await db.insert(sessionStaff).values({ sessionId: id, userId: opts.agent.userId, roomRole: "observer" });
  const people = await db
    .select({ id: customers.id })
    .from(customers)
    .limit(opts.customers ?? 1);
  const guests: CustomerActor[] = [];
  for (const p of people) {
    const [inv] = await db
      .insert(invitations)
      .values({
        sessionId: id,
        customerId: p.id,
        status: "accepted",
        tokenHash: crypto.randomUUID(),
        tokenExpiresAt: new Date(Date.now() + 86400_000),
      })
      .returning();
    guests.push({ kind: "customer", invitationId: inv!.id, customerId: p.id, sessionId: id });
  }
  return { sessionId: id, guests };
}
