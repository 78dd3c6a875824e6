import { ChartFigure } from "@/components/charts/chart-figure";
import { TrendChart } from "@/components/charts/trend-chart";
import { CHART } from "@/lib/chart-palette";
import type { DashboardTrends, TrendBucket } from "@/server/analytics/trends";
import { csvHref, numbersHref } from "./links";

type Measure = {
  id: string;
  title: string;
  key: "csat" | "nps" | "ces" | "responseRate";
  n: (b: TrendBucket) => number;
  domain: [number, number];
  unit: string;
  colour: string;
  what: string;
};

const MEASURES: Measure[] = [
  {
    id: "trend-csat",
    title: "CSAT %",
    key: "csat",
    n: (b) => b.csatCount,
    domain: [0, 100],
    unit: "%",
    colour: CHART.blue,
    what: "share of 4s and 5s out of 5",
  },
  {
    id: "trend-nps",
    title: "NPS",
    key: "nps",
    n: (b) => b.npsCount,
    domain: [-100, 100],
    unit: "",
    colour: CHART.green,
    what: "promoters minus detractors",
  },
  {
    id: "trend-ces",
    title: "CES (effort, 1–7)",
    key: "ces",
    n: (b) => b.cesCount,
    domain: [1, 7],
    unit: "",
    colour: CHART.purple,
    what: "average effort, higher is easier",
  },
  {
    id: "trend-rate",
    title: "Response rate",
    key: "responseRate",
    n: (b) => b.sent,
    domain: [0, 100],
    unit: "%",
    colour: CHART.vermillion,
    what: "answers per survey sent",
  },
];

function summary(m: Measure, buckets: TrendBucket[], grain: string): string {
  const known = buckets.filter((b) => b[m.key] !== null);
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return `No ${m.title} yet in this range.`;
  if (first === last) return `${m.title} was ${last[m.key]}${m.unit} in the only ${grain} with answers.`;
  const a = first[m.key] ?? 0;
  const b = last[m.key] ?? 0;
  const dir = b > a ? "rose" : b < a ? "fell" : "held";
  return `${m.title} (${m.what}) ${dir} from ${a}${m.unit} in the ${grain} of ${first.label} to ${b}${m.unit} in the ${grain} of ${last.label}.`;
}

export function TrendsSection({ trends, query }: { trends: DashboardTrends; query: Record<string, string> }) {
  return (
    <section aria-labelledby="trends-heading" className="space-y-3">
      <h2 id="trends-heading" className="text-xl font-semibold">
        Trends by {trends.grain}
      </h2>
      <p className="text-sm text-slate-700">
        By the {trends.grain} each survey was sent; the small numbers under each point are the answers (or,
        for the response rate, the surveys sent) behind it.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {MEASURES.map((m) => (
          <ChartFigure
            key={m.id}
            id={m.id}
            title={m.title}
            summary={summary(m, trends.buckets, trends.grain)}
            csvHref={csvHref(query, "trends")}
            numbersHref={numbersHref(query, "trends")}
          >
            <TrendChart
              id={m.id}
              title={`${m.title} by ${trends.grain}`}
              domain={m.domain}
              colour={m.colour}
              points={trends.buckets.map((b) => ({ label: b.label, value: b[m.key], n: m.n(b) }))}
            />
          </ChartFigure>
        ))}
      </div>
    </section>
  );
}
