import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { ValueIrritantGrid } from "@/components/insights/value-irritant-grid";
import { Stat } from "@/components/ui/card";
import { formatEstimate } from "@/lib/money";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { digestSubscribed } from "@/server/analytics/digest/subscription";
import { loadDashboard } from "@/server/analytics/load-dashboard";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { insightGrid } from "@/server/insights/insight-grid";
import { BeforeAfterSection } from "./_components/before-after-section";
import { DigestToggle } from "./_components/digest-toggle";
import { EmergingSection } from "./_components/emerging-section";
import { FiltersForm } from "./_components/filters-form";
import { csvHref, dashboardHref, formatDay } from "./_components/links";
import { ParetoSection } from "./_components/pareto-section";
import { QuotesSection } from "./_components/quotes-section";
import { ScorecardsSection } from "./_components/scorecards-section";
import { TrendsSection } from "./_components/trends-section";

export const metadata: Metadata = { title: "Dashboard" };

const fmt = (n: number | null, suffix = "") => (n === null ? "—" : `${n}${suffix}`);
const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const f = readDashboardFilters(await searchParams);
  const [d, grid] = await Promise.all([orNotFound(loadDashboard(actor, f)), insightGrid(actor)]);
  const money = (n: number) => formatEstimate(n, grid.currency);
  const t = d.trends.totals;
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">What customers are telling us</h1>
          <p className="mt-1 text-sm text-slate-700">
            {formatDay(f.fromMs)} to {formatDay(f.toMs - 86_400_000)} · figures as of {time.format(d.asOf)}{" "}
            UTC (updated with every answer)
          </p>
        </div>
        <p className="flex gap-3 text-sm">
          <a
            href={csvHref(f.query, "all")}
            className="font-medium text-blue-800 underline underline-offset-2"
            download
          >
            All numbers (CSV)
          </a>
          <a
            href={dashboardHref("/dashboard/pdf", f.query)}
            className="font-medium text-blue-800 underline underline-offset-2"
            download
          >
            This view as PDF
          </a>
        </p>
      </div>
      {can(actor, "digest.subscribe") && <DigestToggle subscribed={await digestSubscribed(actor)} />}
      <FiltersForm f={f} segments={d.facets.segments} departments={d.facets.departments} />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-5">
        <Stat label="CSAT" value={fmt(t.csat, "%")} hint="Share of 4 and 5 out of 5" />
        <Stat label="NPS" value={fmt(t.nps)} hint="Promoters minus detractors" />
        <Stat label="CES" value={fmt(t.ces)} hint="Effort, 1–7, higher is easier" />
        <Stat label="Response rate" value={fmt(t.responseRate, "%")} hint="Answers per survey sent" />
        <Stat label="Survey responses" value={t.responses} />
      </div>
      <EmergingSection emerging={d.emerging} query={f.query} canOutreach={can(actor, "dashboard.outreach")} />
      <TrendsSection trends={d.trends} query={f.query} />
      <section aria-labelledby="reasons-heading" className="space-y-3">
        <h2 id="reasons-heading" className="text-xl font-semibold">
          Why they get in touch
        </h2>
        <ParetoSection rows={d.pareto} query={f.query} />
      </section>
      <section aria-labelledby="grid-heading" className="space-y-3">
        <h2 id="grid-heading" className="text-xl font-semibold">
          What to eliminate, simplify, automate or leverage
        </h2>
        <ValueIrritantGrid
          caption="Value / irritant grid of every insight"
          items={grid.items.map((i) => ({
            ...i,
            href: `/insights/${i.id}`,
            detail: `heard ${i.heard}× · ${money(i.monthlyCost)} a month`,
          }))}
        />
      </section>
      <QuotesSection quotes={d.quotes} />
      <BeforeAfterSection
        data={d.comparison}
        query={f.query}
        codes={d.facets.reasonCodes}
        chosenCodes={f.codes}
      />
      <ScorecardsSection data={d.scorecards} query={f.query} />
    </div>
  );
}
