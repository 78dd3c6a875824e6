import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ParetoChart } from "@/components/charts/pareto-chart";
import type { ParetoRow } from "@/server/analytics/pareto";
import { csvHref, numbersHref } from "./links";

const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});

export function ParetoSection({ rows, query }: { rows: ParetoRow[]; query: Record<string, string> }) {
  const top = rows.slice(0, 10);
  const total = rows.reduce((t, r) => t + r.mentions, 0);
  const eighty = rows.findIndex((r) => r.cumulativeShare >= 0.8) + 1;
  const summary =
    rows.length === 0
      ? "No reason codes were tagged in this range."
      : `${total} mentions across ${rows.length} reason codes; the top ${eighty} make up 80%. Most heard: #${rows[0]?.number} ${rows[0]?.label} (${rows[0]?.mentions}).`;
  return (
    <ChartFigure
      id="pareto"
      title="What customers raise most (Pareto of reason codes)"
      summary={summary}
      csvHref={csvHref(query, "pareto")}
      footnote="Counts: room notes and listening-log entries tagged with the code in the range (survey answers carry no reason codes). Cost: the estimated monthly cost of the insights carrying the code (contacts × handling time × hourly cost + customers at risk × lifetime value). The chart shows the top 10; the table has all."
      numbersHref={numbersHref(query, "pareto")}
    >
      <ParetoChart
        id="pareto"
        title="Reason codes by mentions, with the cumulative share"
        bars={top.map((r) => ({
          key: r.id,
          label: `#${r.number}`,
          count: r.mentions,
          cumulativeShare: r.cumulativeShare,
        }))}
      />
      <ol className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        {top.map((r) => (
          <li key={r.id} className="flex justify-between gap-2">
            <Link href={`/insights?code=${r.number}`} className="text-blue-800 underline underline-offset-2">
              #{r.number} {r.label}
            </Link>
            <span className="tabular-nums text-slate-700">
              {r.mentions}
              {r.monthlyCost !== null && ` · ${money.format(r.monthlyCost)}/mo`}
            </span>
          </li>
        ))}
      </ol>
    </ChartFigure>
  );
}
