import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

export type Scorecard = {
  id: string;
  name: string;
  /** For an owner's row: their department. */
  departmentName?: string;
  open: number;
  overdue: number;
  closed: number;
  /** Share of closed actions done by their deadline, 0–100 (null: none closed). */
  onTimeRate: number | null;
  medianDaysToClose: number | null;
  reopened: number;
};

type Counts = { key: string; open: number; overdue: number; closed: number; on_time: number };

/**
 * How each department, and each owner within it, keeps its commitments: open, overdue, on-time
 * closure rate, median days from assignment to done, and reopened count. Live from the actions
 * table (tens of thousands of rows at most; measured in the bench).
 */
export async function departmentScorecards(actor: Actor, f: { department?: string }, now = new Date()) {
  assertCan(actor, "dashboard.read");
  const nowMs = now.getTime();
  const dept = f.department ? sql`AND a.department_id = ${f.department}` : sql``;
  const counts = (by: "department_id" | "owner_id") =>
    db.all<Counts>(sql`SELECT a.${sql.raw(by)} AS key,
        sum(a.status IN ('open','in_progress')) AS open,
        sum(a.status IN ('open','in_progress') AND a.deadline < ${nowMs}) AS overdue,
        sum(a.done_at IS NOT NULL AND a.status IN ('done','verified')) AS closed,
        sum(a.done_at IS NOT NULL AND a.status IN ('done','verified') AND a.done_at <= a.deadline) AS on_time
      FROM actions a WHERE 1 ${dept} GROUP BY a.${sql.raw(by)}`);
  const medians = (by: "department_id" | "owner_id") =>
    db.all<{ key: string; days: number }>(sql`SELECT key, avg(days) AS days FROM (
        SELECT a.${sql.raw(by)} AS key, (a.done_at - a.created_at) / 86400000.0 AS days,
          row_number() OVER (PARTITION BY a.${sql.raw(by)} ORDER BY a.done_at - a.created_at) AS rn,
          count(*) OVER (PARTITION BY a.${sql.raw(by)}) AS cnt
        FROM actions a WHERE a.done_at IS NOT NULL AND a.status IN ('done','verified') ${dept})
      WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2) GROUP BY key`);
  const reopened = (by: "department_id" | "owner_id") =>
    db.all<{ key: string; n: number }>(sql`SELECT a.${sql.raw(by)} AS key, count(*) AS n
      FROM action_events e JOIN actions a ON a.id = e.action_id
      WHERE e.to_status = 'open' AND e.from_status IN ('done','verified') ${dept} GROUP BY a.${sql.raw(by)}`);
  const [dCounts, dMedians, dReopened, oCounts, oMedians, oReopened, names, people] = await Promise.all([
    counts("department_id"),
    medians("department_id"),
    reopened("department_id"),
    counts("owner_id"),
    medians("owner_id"),
    reopened("owner_id"),
    db.all<{ id: string; name: string }>(sql`SELECT id, name FROM departments`),
    db.all<{ id: string; name: string; department: string | null }>(sql`SELECT u.id, u.name,
        (SELECT d.name FROM department_members m JOIN departments d ON d.id = m.department_id
          WHERE m.user_id = u.id ORDER BY m.is_owner DESC, d.name LIMIT 1) AS department
      FROM users u WHERE u.id IN (SELECT DISTINCT owner_id FROM actions)`),
  ]);
  const build = (
    rows: Counts[],
    med: { key: string; days: number }[],
    re: { key: string; n: number }[],
    name: (id: string) => { name: string; departmentName?: string },
  ): Scorecard[] => {
    const m = new Map(med.map((r) => [r.key, r.days]));
    const r = new Map(re.map((x) => [x.key, x.n]));
    return rows
      .map((c) => ({
        id: c.key,
        ...name(c.key),
        open: c.open,
        overdue: c.overdue,
        closed: c.closed,
        onTimeRate: c.closed === 0 ? null : Math.round((c.on_time / c.closed) * 1000) / 10,
        medianDaysToClose: m.has(c.key) ? Math.round((m.get(c.key) ?? 0) * 10) / 10 : null,
        reopened: r.get(c.key) ?? 0,
      }))
      .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  };
  const deptName = new Map(names.map((d) => [d.id, d.name]));
  const person = new Map(people.map((p) => [p.id, p]));
  return {
    departments: build(dCounts, dMedians, dReopened, (id) => ({
      name: deptName.get(id) ?? "Unknown department",
    })),
    owners: build(oCounts, oMedians, oReopened, (id) => ({
      name: person.get(id)?.name ?? "Former staff member",
      departmentName: person.get(id)?.department ?? undefined,
    })),
  };
}
export type DepartmentScorecards = Awaited<ReturnType<typeof departmentScorecards>>;
