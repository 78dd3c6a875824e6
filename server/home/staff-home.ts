import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";

const DAY = 86_400_000;

export type HomeSession = {
  id: string;
  title: string;
  startsAt: number;
  timeZone: string;
  format: string;
  briefing: boolean;
};
export type HomeAction = {
  id: string;
  title: string;
  status: string;
  deadline: number;
  departmentName: string;
  ownerName: string;
};

/**
 * What a staff member starts the day with, by what they do: sessions they run or attend (and
 * those to prepare this week), notes and comments waiting for triage, actions to verify, and the
 * actions of the departments they belong to or head, due and overdue first.
 */
export async function staffHome(actor: Actor, now = new Date()) {
  assertCan(actor, "session.list");
  if (actor.kind !== "staff") throw new Error("unreachable");
  const nowMs = now.getTime();
  const runs = can(actor, "session.create");
  const upcoming =
    await db.all<HomeSession>(sql`SELECT s.id, s.title, s.starts_at AS startsAt, s.time_zone AS timeZone,
      s.format, (s.starts_at < ${nowMs + 7 * DAY}) AS briefing
    FROM sessions s
    WHERE s.status NOT IN ('cancelled','ended') AND s.starts_at + s.duration_minutes * 60000 >= ${nowMs}
      AND (s.facilitator_id = ${actor.userId}
        OR EXISTS (SELECT 1 FROM session_staff ss WHERE ss.session_id = s.id AND ss.user_id = ${actor.userId}))
    ORDER BY s.starts_at LIMIT 10`);
  const deptIds = actor.departments.map((d) => d.id);
  const headOf = actor.departments.filter((d) => d.isOwner).map((d) => d.id);
  const inList = (ids: string[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  const actionRows = (where: ReturnType<typeof sql>, order: ReturnType<typeof sql>) =>
    db.all<HomeAction>(sql`SELECT a.id, a.title, a.status, a.deadline, d.name AS departmentName, u.name AS ownerName
      FROM actions a JOIN departments d ON d.id = a.department_id JOIN users u ON u.id = a.owner_id
      WHERE ${where} ORDER BY ${order} LIMIT 15`);
  const departmentActions = deptIds.length
    ? await actionRows(
        sql`a.department_id IN (${inList(deptIds)}) AND a.status IN ('open','in_progress')`,
        sql`a.deadline`,
      )
    : [];
  // Heads (department owners) and every owner of an action: what is due within a week or overdue.
  const dueScope = headOf.length
    ? sql`(a.department_id IN (${inList(headOf)}) OR a.owner_id = ${actor.userId})`
    : sql`a.owner_id = ${actor.userId}`;
  const due = await actionRows(
    sql`${dueScope} AND a.status IN ('open','in_progress') AND a.deadline < ${nowMs + 7 * DAY}`,
    sql`a.deadline`,
  );
  const toVerify = can(actor, "action.verify")
    ? await actionRows(sql`a.status = 'done'`, sql`a.done_at`)
    : [];
  const triage = runs
    ? ((
        await db.all<{ notes: number; comments: number }>(sql`SELECT
          (SELECT count(*) FROM room_notes n WHERE NOT EXISTS (SELECT 1 FROM room_note_reason_codes l WHERE l.note_id = n.id)) AS notes,
          (SELECT count(*) FROM survey_responses r WHERE r.comment IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM insight_evidence e WHERE e.response_id = r.id)) AS comments`)
      )[0] ?? { notes: 0, comments: 0 })
    : null;
  return { upcoming, departmentActions, due, toVerify, triage, isHead: headOf.length > 0, now: nowMs };
}
export type StaffHome = Awaited<ReturnType<typeof staffHome>>;
