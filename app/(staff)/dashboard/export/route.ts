import { NextResponse } from "next/server";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { zDashboardExport } from "@/lib/validation/dashboard-export";
import { dashboardCsv } from "@/server/analytics/dashboard-csv";
import { loadDashboard } from "@/server/analytics/load-dashboard";

// GET /dashboard/export?table=…&<the dashboard's filters> — the numbers of one table or chart (or
// all) as CSV. A download that changes nothing, so a GET a link can make.
export const GET = routeHandler(
  entry({
    actor: "staff",
    input: zDashboardExport,
    run: async ({ actor, input }) => {
      const data = await loadDashboard(actor, readDashboardFilters(input.filters));
      return { csv: dashboardCsv(data, input.table), asOf: data.asOf };
    },
  }),
  {
    label: "dashboard-export",
    body: "none",
    read: (_body, request) => {
      const { table, ...filters } = Object.fromEntries(request.nextUrl.searchParams);
      return { table, filters };
    },
    reply: ({ csv, asOf }, input) =>
      new NextResponse(`\uFEFF${csv}`, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="dashboard-${input.table}-${asOf.toISOString().slice(0, 10)}.csv"`,
          "Cache-Control": "no-store",
        },
      }),
  },
);
