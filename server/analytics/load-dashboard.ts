import "server-only";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { beforeAfter } from "./before-after";
import { dashboardFacets } from "./dashboard-facets";
import { emergingIssues } from "./emerging-issues";
import { reasonCodePareto } from "./pareto";
import { tellingQuotes } from "./quotes";
import { departmentScorecards } from "./scorecards";
import { dashboardTrends } from "./trends";

/** Everything the dashboard shows for one set of filters: the page, its CSV and its PDF read this. */
export async function loadDashboard(actor: Actor, f: DashboardFilters, now = new Date()) {
  assertCan(actor, "dashboard.read");
  const [trends, pareto, emerging, scorecards, comparison, facets] = await Promise.all([
    dashboardTrends(actor, f),
    reasonCodePareto(actor, f),
    emergingIssues(actor, f, now),
    departmentScorecards(actor, f, now),
    beforeAfter(actor, f, now),
    dashboardFacets(actor),
  ]);
  const quoteCodes = [
    ...new Set([...emerging.flagged.map((e) => e.id), ...pareto.slice(0, 4).map((p) => p.id)]),
  ];
  const quotes = await tellingQuotes(actor, quoteCodes, { department: f.department }, now);
  return { asOf: now, trends, pareto, emerging, scorecards, comparison, facets, quotes };
}
export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
