import "server-only";
import { type AnyColumn, and, asc, count, desc, eq, gte, lt, ne, type SQL, sql } from "drizzle-orm";
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

/** The list's views, as `?view=` names them (the calendar view reads sessionsInRange). */
export const SESSION_VIEWS = ["upcoming", "past", "cancelled", "all"] as const;
export type SessionView = (typeof SESSION_VIEWS)[number];

export type SessionFilters = { view?: unknown; q?: unknown; format?: unknown };

/** Which sessions a view shows; search matches the title, case-insensitively. */
function filterWhere(f: SessionFilters, now: Date): { where: SQL | undefined; view: SessionView } {
  const view = (SESSION_VIEWS as readonly unknown[]).includes(f.view) ? (f.view as SessionView) : "all";
  const q = typeof f.q === "string" ? f.q.trim().slice(0, 100) : "";
  const format = typeof f.format === "string" && f.format ? f.format : undefined;
  const nowMs = now.getTime();
  const byView: Record<SessionView, SQL | undefined> = {
    upcoming: sql`${sessions.status} NOT IN ('cancelled','ended') AND ${sessions.startsAt} + ${sessions.durationMinutes} * 60000 >= ${nowMs}`,
    past: sql`${sessions.status} != 'cancelled' AND (${sessions.status} = 'ended' OR ${sessions.startsAt} + ${sessions.durationMinutes} * 60000 < ${nowMs})`,
    cancelled: eq(sessions.status, "cancelled"),
    all: undefined,
  };
  return {
    view,
    where: and(
      byView[view],
      q ? sql`${sessions.title} LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'` : undefined,
      format ? eq(sessions.format, format as (typeof sessions.format.enumValues)[number]) : undefined,
    ),
  };
}

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
  query: { page?: unknown; sort?: unknown } & SessionFilters = {},
  now = new Date(),
): Promise<ListPage<SessionListItem, SessionSortKey>> {
  if (!can(actor, "session.list")) throw forbidden();
  const { view, where } = filterWhere(query, now);
  // Upcoming reads soonest first unless a sort is asked for; the rest newest first.
  const { page, sort } = zSessionListQuery.parse({
    ...query,
    sort: query.sort ?? (view === "upcoming" ? "starts" : undefined),
  });
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(sessions).where(where);
  const at = pageWindow(total, page);
  const dir = sort.desc ? desc : asc;
  const rows = await db
    .select(columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.facilitatorId))
    .where(where)
    .orderBy(dir(ORDER[sort.key]), dir(sessions.id))
    .limit(at.pageSize)
    .offset(at.offset);
  return { rows, total, sort, ...at };
}

/** Sessions starting in [from, to) for the calendar view, not cancelled ones unless asked. */
export async function sessionsInRange(
  actor: Actor,
  range: { from: Date; to: Date },
  filters: SessionFilters = {},
): Promise<SessionListItem[]> {
  if (!can(actor, "session.list")) throw forbidden();
  const { where } = filterWhere({ ...filters, view: "all" }, new Date());
  return db
    .select(columns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.facilitatorId))
    .where(
      and(
        where,
        gte(sessions.startsAt, range.from),
        lt(sessions.startsAt, range.to),
        filters.view === "cancelled" ? undefined : ne(sessions.status, "cancelled"),
      ),
    )
    .orderBy(asc(sessions.startsAt))
    .limit(500);
}
