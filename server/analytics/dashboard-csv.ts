import "server-only";
import Papa from "papaparse";
import type { DashboardTable } from "@/lib/validation/dashboard-export";
import type { DashboardData } from "./load-dashboard";

type Block = { title: string; rows: Record<string, string | number | null>[] };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The numbers behind each chart and table, as the page shows them for the same filters. */
export function dashboardBlocks(d: DashboardData): Record<Exclude<DashboardTable, "all">, Block> {
  return {
    trends: {
      title: `Trends by ${d.trends.grain}`,
      rows: d.trends.buckets.map((b) => ({
        [d.trends.grain === "week" ? "week_starting" : "month"]: iso(b.bucket),
        surveys_sent: b.sent,
        responses: b.responses,
        csat_answers: b.csatCount,
        nps_answers: b.npsCount,
        csat_percent: b.csat,
        nps: b.nps,
        ces_mean: b.ces,
        ces_answers: b.cesCount,
        response_rate_percent: b.responseRate,
      })),
    },
    pareto: {
      title: "Reason codes (Pareto)",
      rows: d.pareto.map((r) => ({
        code: r.number,
        label: r.label,
        mentions: r.mentions,
        share_percent: Math.round(r.share * 1000) / 10,
        cumulative_percent: Math.round(r.cumulativeShare * 1000) / 10,
        estimated_monthly_cost_gbp: r.monthlyCost,
      })),
    },
    emerging: {
      title: `Emerging issues, week of ${iso(d.emerging.weekStart)} (${d.emerging.tested} codes tested)`,
      rows: d.emerging.flagged.map((e) => ({
        code: e.number,
        label: e.label,
        this_week: e.current,
        weekly_mean_8_weeks_before: Math.round(e.baselineMean * 100) / 100,
        ratio: e.ratio === null ? null : Math.round(e.ratio * 100) / 100,
        p_value: e.pValue,
        holm_adjusted_p: e.adjustedP,
      })),
    },
    scorecards: {
      title: "Department scorecards",
      rows: d.scorecards.departments.map((s) => ({
        department: s.name,
        open: s.open,
        overdue: s.overdue,
        closed: s.closed,
        on_time_percent: s.onTimeRate,
        median_days_to_close: s.medianDaysToClose,
        reopened: s.reopened,
      })),
    },
    owners: {
      title: "Scorecards per owner",
      rows: d.scorecards.owners.map((s) => ({
        owner: s.name,
        department: s.departmentName ?? "",
        open: s.open,
        overdue: s.overdue,
        closed: s.closed,
        on_time_percent: s.onTimeRate,
        median_days_to_close: s.medianDaysToClose,
        reopened: s.reopened,
      })),
    },
    "before-after": {
      title: d.comparison ? `Before and after ${iso(d.comparison.fixMs)}` : "Before and after (no date)",
      rows: (d.comparison?.parts ?? []).map((p) => ({
        measure: p.measure,
        before: p.comparison.before,
        after: p.comparison.after,
        difference: p.comparison.difference,
        ci_low_95: p.comparison.ciLow,
        ci_high_95: p.comparison.ciHigh,
        p_value: p.comparison.pValue,
        n_before: p.comparison.nBefore,
        n_after: p.comparison.nAfter,
        test: p.comparison.test,
        sentence: p.sentence,
      })),
    },
  };
}

/**
 * CSV of one table, or of all of them one after another (a title line, then the table). Cells
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are escaped by papaparse.
 */
export function dashboardCsv(d: DashboardData, table: DashboardTable): string {
  const blocks = dashboardBlocks(d);
  const one = (b: Block) =>
    b.rows.length
      ? Papa.unparse(b.rows, { escapeFormulae: true })
      : Papa.unparse([["(no rows)"]], { escapeFormulae: true });
  if (table !== "all") return one(blocks[table]);
  return Object.values(blocks)
    .map((b) => `${Papa.unparse([[b.title]], { escapeFormulae: true })}\r\n${one(b)}`)
    .join("\r\n\r\n");
}
