import "server-only";
import { type AnyColumn, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { invitations, sessions, users } from "@/db/schema";
import { type ListPage, pageWindow, zListQuery } from "@/lib/paging";
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

const columns = {
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
};

/** Every session, newest first, with RSVP counts (no personal data). */
export async function listSessions(actor: Actor): Promise<SessionListItem[]> {
  if (!can(actor, "session.list")) throw forbidden();
  return db
    .select(columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.facilitatorId))
    .orderBy(desc(sessions.startsAt));
}

/** The session list's sortable columns, as `?sort=` names them. */
export const SESSION_SORT_KEYS = ["starts", "title", "status"] as const;
export type SessionSortKey = (typeof SESSION_SORT_KEYS)[number];

const zSessionListQuery = zListQuery(SESSION_SORT_KEYS, "-starts");

const ORDER: Record<SessionSortKey, SQL | AnyColumn> = {
  starts: sessions.startsAt,
  title: sql`${sessions.title} collate nocase`,
  status: sessions.status,
};

/**
 * One page of the sessions (`?page=&sort=` from the URL, validated here; newest first unless
 * asked otherwise), with RSVP counts and the total. Ties are broken by id, so paging is stable.
 */
export async function listSessionsPage(
  actor: Actor,
  query: { page?: unknown; sort?: unknown } = {},
): Promise<ListPage<SessionListItem, SessionSortKey>> {
  if (!can(actor, "session.list")) throw forbidden();
  const { page, sort } = zSessionListQuery.parse(query);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(sessions);
  const at = pageWindow(total, page);
  const dir = sort.desc ? desc : asc;
  const rows = await db
    .select(columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.facilitatorId))
    .orderBy(dir(ORDER[sort.key]), dir(sessions.id))
    .limit(at.pageSize)
    .offset(at.offset);
  return { rows, total, sort, ...at };
}
