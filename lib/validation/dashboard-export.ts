import { z } from "zod";

export const DASHBOARD_TABLES = [
  "all",
  "trends",
  "pareto",
  "emerging",
  "scorecards",
  "owners",
  "before-after",
] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

/** An export request: which table, and the dashboard's own URL filters (read leniently by readDashboardFilters). */
export const zDashboardExport = z.strictObject({
  table: z.enum(DASHBOARD_TABLES),
  filters: z.record(z.string().max(20), z.string().max(400)),
});
