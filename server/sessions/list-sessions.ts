import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { invitations, sessions, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";

export type SessionListItem = {
  id: string;
  title: string;
  format: string;
  status: string;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  seats: number;
  facilitatorName: string;
  accepted: number;
  invited: number;
};

/** Every session, newest first, with RSVP counts (no personal data). */
export async function listSessions(actor: Actor): Promise<SessionListItem[]> {
  if (!can(actor, "session.list")) throw forbidden();
  return db
    .select({
      id: sessions.id,
      title: sessions.title,
      format: sessions.format,
      status: sessions.status,
      startsAt: sessions.startsAt,
      timeZone: sessions.timeZone,
      durationMinutes: sessions.durationMinutes,
      seats: sessions.seats,
      facilitatorName: users.name,
      accepted: sql<number>`(SELECT count(*) FROM ${invitations} WHERE ${invitations.sessionId} = ${sessions.id} AND ${invitations.status} IN ('accepted','attended'))`,
      invited: sql<number>`(SELECT count(*) FROM ${invitations} WHERE ${invitations.sessionId} = ${sessions.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.facilitatorId))
    .orderBy(desc(sessions.startsAt));
}
