import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { dashboardNumbers } from "@/server/analytics/dashboard-numbers";
import { requireStaffPage } from "@/server/auth/staff";
import { csvHref, dashboardHref } from "../_components/links";

export const metadata: Metadata = { title: "Dashboard numbers" };

/** One chart's (or every chart's) numbers as a table: the dashboard's "Show the numbers" links here. */
export default async function DashboardNumbersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const f = readDashboardFilters(sp);
  const table = Array.isArray(sp.table) ? sp.table[0] : sp.table;
  const blocks = await orNotFound(dashboardNumbers(actor, f, table));
  return (
    <div className="space-y-6">
      <Link
        href={dashboardHref("/dashboard", f.query)}
        className="text-sm font-medium text-blue-800 underline underline-offset-2"
      >
        Back to the dashboard
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">The numbers behind the dashboard</h1>
      {blocks.map((b) => (
        <section key={b.table} aria-labelledby={`numbers-${b.table}`} className="space-y-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`numbers-${b.table}`} className="text-xl font-semibold">
              {b.title}
            </h2>
            <a
              href={csvHref(f.query, b.table)}
              className="text-sm font-medium text-blue-800 underline underline-offset-2"
              download
            >
              CSV<span className="sr-only"> of {b.title}</span>
            </a>
          </div>
          {b.rows.length === 0 ? (
            <p className="text-sm text-slate-700">No rows for these filters.</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
            <section className="overflow-x-auto" tabIndex={0} aria-label={`${b.title}: the numbers`}>
              <table className="w-full text-left text-sm [&_td]:py-1 [&_td]:pr-3 [&_th]:py-1 [&_th]:pr-3">
                <caption className="sr-only">{b.title}</caption>
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    {b.columns.map((c) => (
                      <th key={c.key} scope="col" className={`font-medium ${c.numeric ? "text-right" : ""}`}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {b.rows.map((r, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder
                    <tr key={i} className="border-b border-slate-100">
                      {b.columns.map((c, j) =>
                        j === 0 ? (
                          <th key={c.key} scope="row" className="font-normal">
                            {r[c.key] ?? "—"}
                          </th>
                        ) : (
                          <td key={c.key} className={c.numeric ? "text-right" : ""}>
                            {r[c.key] ?? "—"}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </section>
      ))}
    </div>
  );
}
