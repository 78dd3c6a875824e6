import "server-only";
import { z } from "zod";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import { DASHBOARD_TABLES, type DashboardTable } from "@/lib/validation/dashboard-export";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { dashboardBlocks } from "./dashboard-csv";
import { loadDashboard } from "./load-dashboard";

export type NumbersBlock = {
  table: Exclude<DashboardTable, "all">;
  title: string;
  columns: { key: string; label: string; numeric: boolean }[];
  rows: Record<string, string | number | null>[];
};

const zTable = z.enum(DASHBOARD_TABLES);
const label = (key: string) => {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The numbers of one table (or all) as the CSV has them, with column headings for a page: the
 * dashboard's accessible table view, loaded only when someone asks for it.
 */
export async function dashboardNumbers(
  actor: Actor,
  f: DashboardFilters,
  table: string | undefined,
  now = new Date(),
): Promise<NumbersBlock[]> {
  assertCan(actor, "dashboard.read");
  const which = zTable.safeParse(table ?? "all");
  if (!which.success) throw notFound("No such table");
  const blocks = dashboardBlocks(await loadDashboard(actor, f, now));
  const names = (which.data === "all" ? Object.keys(blocks) : [which.data]) as NumbersBlock["table"][];
  return names.map((name) => {
    const { title, rows } = blocks[name];
    const keys = Object.keys(rows[0] ?? {});
    return {
      table: name,
      title,
      rows,
      columns: keys.map((key) => ({
        key,
        label: label(key),
        numeric: rows.some((r) => typeof r[key] === "number"),
      })),
    };
  });
}
