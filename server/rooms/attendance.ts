import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, roomAttendance, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";

export type AttendanceSpan = { joinedAt: Date | null; leftAt: Date | null; seconds: number | null };
export type AttendanceRow = {
  key: string;
  name: string;
  kind: "guest" | "staff";
  spans: AttendanceSpan[];
  /** Seconds in the room over every connection that has both ends (a reconnect is a new one). */
  totalSeconds: number;
  /** Still connected (a span with no leave yet). */
  inRoom: boolean;
};

/**
 * Who was in the room and for how long, from LiveKit's join and leave webhooks: one row per guest
 * or staff member, each connection's join and leave, and the total. Anyone who may read the session.
 */
export async function sessionAttendance(actor: Actor, sessionId: string): Promise<AttendanceRow[]> {
  await authorizeSession(actor, sessionId, "session.read");
  const rows = await db
    .select({
      a: roomAttendance,
      guestName: customers.name,
      staffName: users.name,
    })
    .from(roomAttendance)
    .leftJoin(invitations, eq(invitations.id, roomAttendance.invitationId))
    .leftJoin(customers, eq(customers.id, invitations.customerId))
    .leftJoin(users, eq(users.id, roomAttendance.userId))
    .where(eq(roomAttendance.sessionId, sessionId))
    .orderBy(asc(roomAttendance.joinedAt));
  const byPerson = new Map<string, AttendanceRow>();
  for (const { a, guestName, staffName } of rows) {
    const key = a.invitationId ?? a.userId ?? a.identity;
    const row =
      byPerson.get(key) ??
      ({
        key,
        name: a.invitationId ? (guestName ?? "Withdrawn guest") : (staffName ?? "Former staff member"),
        kind: a.invitationId ? "guest" : "staff",
        spans: [],
        totalSeconds: 0,
        inRoom: false,
      } satisfies AttendanceRow);
    row.spans.push({ joinedAt: a.joinedAt, leftAt: a.leftAt, seconds: a.durationSeconds });
    row.totalSeconds += a.durationSeconds ?? 0;
    if (a.joinedAt && !a.leftAt) row.inRoom = true;
    byPerson.set(key, row);
  }
  return [...byPerson.values()].sort((x, y) =>
    x.kind === y.kind ? x.name.localeCompare(y.name) : x.kind === "guest" ? -1 : 1,
  );
}
