import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listInsights } from "@/server/insights/list-insights";
import { gridAdvice } from "./grid-labels";

export const metadata: Metadata = { title: "Insights" };

const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});

export default async function InsightsPage() {
  const actor = await requireStaffPage();
  const { rows: insights, total } = await listInsights(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Insights</h1>
        {can(actor, "insight.create") && (
          <Link href="/insights/new" className={buttonClass()}>
            New insight from comments
          </Link>
        )}
      </div>
      <ul className="grid gap-4 md:grid-cols-2">
        {insights.map((i) => (
          <li key={i.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <Link href={`/insights/${i.id}`} className="font-semibold text-blue-800 hover:underline">
              {i.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">
              {i.codes.map((c) => `#${c.number} ${c.label}`).join(" · ")}
            </p>
            <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <div>
                <dt className="inline text-slate-600">Grid: </dt>
                <dd className="inline font-medium">{gridAdvice(i.customerAxis, i.companyAxis)}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">Heard: </dt>
                <dd className="inline font-medium">{i.heard}×</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">Cost: </dt>
                <dd className="inline font-medium">{money.format(i.monthlyCost)}/month</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {insights.length === 0 && <p className="text-slate-600">No insights yet.</p>}
      {total > insights.length && (
        <p className="text-sm text-slate-600">
          The {insights.length} newest of {total} insights.
        </p>
      )}
    </div>
  );
}
