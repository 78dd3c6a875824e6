import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { Card, Stat } from "@/components/ui/card";
import { dashboardSummary } from "@/server/analytics/dashboard";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Dashboard" };

const fmt = (n: number | null, suffix = "") => (n === null ? "—" : `${n}${suffix}`);

export default async function DashboardPage() {
  const actor = await requireStaffPage();
  const d = await orNotFound(dashboardSummary(actor));
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">What customers are telling us</h1>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="CSAT" value={fmt(d.csat, "%")} hint="Share of 4 and 5 out of 5" />
        <Stat label="NPS" value={fmt(d.nps)} hint="Promoters minus detractors" />
        <Stat label="Survey responses" value={d.responses} />
      </div>
      <Card title="Actions by department">
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Open, overdue and closed actions per department</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Department
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Open
                </th>
                <th scope="col" className="py-2 pr-4 text-right font-medium">
                  Overdue
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  Done
                </th>
              </tr>
            </thead>
            <tbody>
              {d.departments.map((row) => (
                <tr key={row.id} className="border-b border-slate-100">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {row.name}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{row.open}</td>
                  <td
                    className={`py-2 pr-4 text-right tabular-nums ${row.overdue > 0 ? "font-bold text-red-800" : ""}`}
                  >
                    {row.overdue}
                  </td>
                  <td className="py-2 text-right tabular-nums">{row.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
