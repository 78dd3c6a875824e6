import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { RollupGrain } from "@/lib/domain/rollups";
import { ROLLUP_GRAINS } from "@/lib/domain/rollups";
import type { Tx } from "./index";

/** The SQL twin of lib/domain/rollups.ts bucketStart, for a column of UTC milliseconds. */
export function bucketSql(grain: RollupGrain, ms: SQL): SQL {
  if (grain === "day") return sql`((${ms}) / 86400000) * 86400000`;
  if (grain === "week") return sql`(((${ms}) / 86400000) - ((((${ms}) / 86400000) + 3) % 7)) * 86400000`;
  return sql`CAST(strftime('%s', (${ms}) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000`;
}

/**
 * The rollups' figures computed from the raw rows: what the maintained tables must always equal.
 * Used to build them once (seed, bench, repair) and by the test that compares the two.
 */
export function rawResponseRollupsSql() {
  const parts = ROLLUP_GRAINS.map(
    (grain) => sql`
    SELECT ${grain} AS grain, ${bucketSql(grain, sql`sv.sent_at`)} AS bucket, s.format AS format,
      coalesce(c.segment, '') AS segment, coalesce(c.language, '') AS language,
      count(*) AS sent, 0 AS responses, 0 AS csat_count, 0 AS nps_count, 0 AS csat_satisfied, 0 AS nps_promoters, 0 AS nps_detractors,
      0 AS ces_count, 0 AS ces_sum, 0 AS ces_sum_squares
    FROM surveys sv JOIN sessions s ON s.id = sv.session_id
      LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id
    GROUP BY 2, 3, 4, 5
    UNION ALL
    SELECT ${grain}, ${bucketSql(grain, sql`sv.sent_at`)}, s.format, coalesce(c.segment, ''), r.language,
      0, count(*), count(r.csat), count(r.nps), coalesce(sum(r.csat >= 4), 0), coalesce(sum(r.nps >= 9), 0),
      coalesce(sum(r.nps <= 6), 0), count(r.ces), coalesce(sum(r.ces), 0), coalesce(sum(r.ces * r.ces), 0)
    FROM survey_responses r JOIN surveys sv ON sv.id = r.survey_id JOIN sessions s ON s.id = sv.session_id
      LEFT JOIN invitations i ON i.id = sv.invitation_id LEFT JOIN customers c ON c.id = i.customer_id
    GROUP BY 2, 3, 4, 5`,
  );
  return sql`SELECT grain, bucket, format, segment, language, sum(sent) AS sent, sum(responses) AS responses,
      sum(csat_count) AS csat_count, sum(nps_count) AS nps_count,
      sum(csat_satisfied) AS csat_satisfied, sum(nps_promoters) AS nps_promoters, sum(nps_detractors) AS nps_detractors,
      sum(ces_count) AS ces_count, sum(ces_sum) AS ces_sum, sum(ces_sum_squares) AS ces_sum_squares
    FROM (${sql.join(parts, sql` UNION ALL `)}) GROUP BY grain, bucket, format, segment, language`;
}

export function rawReasonCodeRollupsSql() {
  const parts = ROLLUP_GRAINS.map(
    (grain) => sql`
    SELECT ${grain} AS grain, ${bucketSql(grain, sql`n.created_at`)} AS bucket, l.reason_code_id AS reason_code_id,
      coalesce(n.department_id, '') AS department_id, count(*) AS mentions
    FROM room_note_reason_codes l JOIN room_notes n ON n.id = l.note_id
    GROUP BY 2, 3, 4`,
  );
  return sql.join(parts, sql` UNION ALL `);
}

export function rawActionRollupsSql() {
  return sql`SELECT a.department_id, a.owner_id, sum(a.status IN ('open','in_progress')) AS open,
      sum(a.done_at IS NOT NULL AND a.status IN ('done','verified')) AS closed,
      sum(a.done_at IS NOT NULL AND a.status IN ('done','verified') AND a.done_at <= a.deadline) AS on_time,
      sum((SELECT count(*) FROM action_events e WHERE e.action_id = a.id AND e.to_status = 'open'
        AND e.from_status IN ('done','verified'))) AS reopened
    FROM actions a GROUP BY a.department_id, a.owner_id`;
}

export function rawActionCloseDaysSql() {
  return sql`SELECT a.department_id, a.owner_id, (a.done_at - a.created_at) / 86400000 AS days, count(*) AS actions
    FROM actions a WHERE a.done_at IS NOT NULL AND a.status IN ('done','verified') GROUP BY 1, 2, 3`;
}

/** Rebuilds the rollups from the raw rows in the caller's transaction (seed, bench, repair). */
export async function rebuildRollups(tx: Tx): Promise<void> {
  await tx.run(sql`DELETE FROM response_rollups`);
  await tx.run(sql`INSERT INTO response_rollups (grain, bucket, format, segment, language, sent, responses,
    csat_count, nps_count, csat_satisfied, nps_promoters, nps_detractors, ces_count, ces_sum, ces_sum_squares) ${rawResponseRollupsSql()}`);
  await tx.run(sql`DELETE FROM reason_code_rollups`);
  await tx.run(
    sql`INSERT INTO reason_code_rollups (grain, bucket, reason_code_id, department_id, mentions) ${rawReasonCodeRollupsSql()}`,
  );
  await tx.run(sql`DELETE FROM action_rollups`);
  await tx.run(
    sql`INSERT INTO action_rollups (department_id, owner_id, open, closed, on_time, reopened) ${rawActionRollupsSql()}`,
  );
  await tx.run(sql`DELETE FROM action_close_days`);
  await tx.run(
    sql`INSERT INTO action_close_days (department_id, owner_id, days, actions) ${rawActionCloseDaysSql()}`,
  );
}
