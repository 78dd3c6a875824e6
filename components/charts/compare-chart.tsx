import { scaleBand, scaleLinear } from "d3-scale";
import { CHART } from "@/lib/chart-palette";
import { ChartLegend, ChartSvg } from "./chart-svg";

export type CompareRow = {
  label: string;
  before: number;
  after: number;
  format: (v: number) => string;
  max: number;
};

const W = 400;
const ROW = 52;
const M = { top: 8, right: 60, left: 110 };

/** Before (hatched) against after (solid), one pair of bars per measure, each on its own scale. */
export function CompareChart({
  id,
  title,
  rows,
}: {
  id: string;
  /** The SVG's own title (the figure around it has the summary and the table). */
  title: string;
  rows: CompareRow[];
}) {
  const H = M.top + rows.length * ROW;
  const band = scaleBand<string>()
    .domain(["before", "after"])
    .range([0, ROW - 12])
    .padding(0.15);
  return (
    <>
      <ChartSvg id={id} title={title} width={W} height={H}>
        <defs>
          <pattern
            id={`${id}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="white" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={CHART.axis} strokeWidth="3" />
          </pattern>
        </defs>
        {rows.map((r, i) => {
          const x = scaleLinear()
            .domain([0, r.max])
            .range([M.left, W - M.right]);
          const top = M.top + i * ROW;
          return (
            <g key={r.label}>
              <text x={M.left - 6} y={top + (ROW - 12) / 2} dy="0.32em" textAnchor="end">
                {r.label}
              </text>
              {(["before", "after"] as const).map((k) => (
                <g key={k}>
                  <rect
                    x={M.left}
                    y={top + (band(k) ?? 0)}
                    width={Math.max(1, x(r[k]) - M.left)}
                    height={band.bandwidth()}
                    fill={k === "before" ? `url(#${id}-hatch)` : CHART.blue}
                    stroke={CHART.axis}
                    strokeWidth={0.5}
                  />
                  <text
                    x={x(r[k]) + 4}
                    y={top + (band(k) ?? 0) + band.bandwidth() / 2}
                    dy="0.32em"
                    fontSize={10}
                  >
                    {k === "before" ? "Before" : "After"} {r.format(r[k])}
                  </text>
                </g>
              ))}
            </g>
          );
        })}
      </ChartSvg>
      <ChartLegend
        entries={[
          {
            swatch: (
              <rect x="3" y="0" width="12" height="10" fill={`url(#${id}-hatch)`} stroke={CHART.axis} />
            ),
            label: "Hatched: before the date",
          },
          { swatch: <rect x="3" y="0" width="12" height="10" fill={CHART.blue} />, label: "Solid: after" },
        ]}
      />
    </>
  );
}
