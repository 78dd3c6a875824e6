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

type Key = "department_id" | "owner_id";

/** The median of a histogram of whole days (the mean of the two middle values when even). */
export function histogramMedian(bins: { days: number; actions: number }[]): number | null {
  const sorted = [...bins].filter((b) => b.actions > 0).sort((a, b) => a.days - b.days);
  const n = sorted.reduce((t, b) => t + b.actions, 0);
  if (n === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.actions;
      if (seen >= k) return b.days;
    }
    return sorted.at(-1)?.days ?? 0;
  };
  return (at(Math.floor((n + 1) / 2)) + at(Math.floor(n / 2) + 1)) / 2;
}

/**
 * How each department, and each owner, keeps its commitments: open, overdue, on-time closure
 * rate, median whole days from assignment to done, and reopened count. From the trigger-kept
 * rollups (action_rollups, action_close_days); overdue is counted live from the open actions.
 */
export async function departmentScorecards(actor: Actor, f: { department?: string }, now = new Date()) {
  assertCan(actor, "dashboard.read");
  const dept = f.department ? sql`AND department_id = ${f.department}` : sql``;
  // The histograms summed in SQL per department and per owner: a few hundred rows, not thousands.
  const histogram = (key: Key) =>
    db.all<{
      id: string;
      days: number;
      actions: number;
    }>(sql`SELECT ${sql.raw(key)} AS id, days, sum(actions) AS actions
      FROM action_close_days WHERE actions != 0 ${dept} GROUP BY ${sql.raw(key)}, days`);
  const [rollups, deptDays, ownerDays, overdue, names, people] = await Promise.all([
    db.all<{
      department_id: string;
      owner_id: string;
      open: number;
      closed: number;
      on_time: number;
      reopened: number;
    }>(
      sql`SELECT department_id, owner_id, open, closed, on_time, reopened FROM action_rollups WHERE 1 ${dept}`,
    ),
    histogram("department_id"),
    histogram("owner_id"),
    db.all<{
      department_id: string;
      owner_id: string;
      n: number;
    }>(sql`SELECT department_id, owner_id, count(*) AS n
      FROM actions WHERE status IN ('open','in_progress') AND deadline < ${now.getTime()} ${dept}
      GROUP BY department_id, owner_id`),
    db.all<{ id: string; name: string }>(sql`SELECT id, name FROM departments`),
    db.all<{ id: string; name: string; department: string | null }>(sql`SELECT u.id, u.name,
        (SELECT d.name FROM department_members m JOIN departments d ON d.id = m.department_id
          WHERE m.user_id = u.id ORDER BY m.is_owner DESC, d.name LIMIT 1) AS department
      FROM users u WHERE u.id IN (SELECT owner_id FROM action_rollups)`),
  ]);
  const build = (
    key: Key,
    days: { id: string; days: number; actions: number }[],
    name: (id: string) => { name: string; departmentName?: string },
  ): Scorecard[] => {
    const by = new Map<string, Scorecard & { onTime: number; bins: { days: number; actions: number }[] }>();
    const get = (id: string) => {
      let s = by.get(id);
      if (!s) {
        s = {
          id,
          ...name(id),
          open: 0,
          overdue: 0,
          closed: 0,
          onTime: 0,
          onTimeRate: null,
          medianDaysToClose: null,
          reopened: 0,
          bins: [],
        };
        by.set(id, s);
      }
      return s;
    };
    for (const r of rollups) {
      if (r.open === 0 && r.closed === 0 && r.reopened === 0) continue;
      const s = get(r[key]);
      s.open += r.open;
      s.closed += r.closed;
      s.onTime += r.on_time;
      s.reopened += r.reopened;
    }
    for (const o of overdue) get(o[key]).overdue += o.n;
    for (const d of days) get(d.id).bins.push({ days: d.days, actions: d.actions });
    return [...by.values()]
      .map(({ onTime, bins, ...s }) => ({
        ...s,
        onTimeRate: s.closed === 0 ? null : Math.round((onTime / s.closed) * 1000) / 10,
        medianDaysToClose: histogramMedian(bins),
      }))
      .sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name));
  };
  const deptName = new Map(names.map((d) => [d.id, d.name]));
  const person = new Map(people.map((p) => [p.id, p]));
  return {
    departments: build("department_id", deptDays, (id) => ({
      name: deptName.get(id) ?? "Unknown department",
    })),
    owners: build("owner_id", ownerDays, (id) => ({
      name: person.get(id)?.name ?? "Former staff member",
      departmentName: person.get(id)?.department ?? undefined,
    })),
  };
}
export type DepartmentScorecards = Awaited<ReturnType<typeof departmentScorecards>>;
