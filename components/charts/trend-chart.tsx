import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { CHART } from "@/lib/chart-palette";
import { ChartSvg, ValueAxis } from "./chart-svg";

export type TrendPoint = { label: string; value: number | null; n: number };

const W = 400;
const H = 220;
const M = { top: 12, right: 12, bottom: 62, left: 36 };

/**
 * One measure over time, drawn on the server: a line with a marker per bucket and the number of
 * answers under each point (rotated, so 26 weeks fit at 320 px). Gaps where a bucket had none.
 */
export function TrendChart({
  id,
  title,
  points,
  domain,
  colour = CHART.blue,
  format = (v: number) => String(Math.round(v)),
}: {
  id: string;
  /** The SVG's own title (the figure around it has the summary and the table). */
  title: string;
  points: TrendPoint[];
  domain: [number, number];
  colour?: string;
  format?: (v: number) => string;
}) {
  const x = scalePoint<string>()
    .domain(points.map((p) => p.label))
    .range([M.left, W - M.right])
    .padding(0.5);
  const y = scaleLinear()
    .domain(domain)
    .range([H - M.bottom, M.top])
    .nice();
  const path = line<TrendPoint>()
    .defined((p) => p.value !== null)
    .x((p) => x(p.label) ?? 0)
    .y((p) => y(p.value ?? 0))(points);
  const ticks = y.ticks(4);
  const every = Math.max(1, Math.ceil(points.length / 8));
  return (
    <ChartSvg id={id} title={title} width={W} height={H}>
      <ValueAxis ticks={ticks} y={y} left={M.left} right={W - M.right} format={format} />
      {path && <path d={path} fill="none" stroke={colour} strokeWidth={2.5} />}
      {points.map((p, i) => {
        const cx = x(p.label) ?? 0;
        return (
          <g key={p.label}>
            {p.value !== null && (
              <circle cx={cx} cy={y(p.value)} r={3.5} fill={colour} stroke="white" strokeWidth={1} />
            )}
            <text
              x={cx}
              y={H - M.bottom + 6}
              transform={`rotate(-90 ${cx} ${H - M.bottom + 6})`}
              textAnchor="end"
              dy="0.32em"
              fontSize={9}
              fill={CHART.axis}
            >
              {p.n}
            </text>
            {i % every === 0 && (
              <text x={cx} y={H - 4} textAnchor="middle" fontSize={10} fill={CHART.axis}>
                {p.label}
              </text>
            )}
          </g>
        );
      })}
      <text x={M.left - 30} y={H - M.bottom + 10} fontSize={9} fill={CHART.axis}>
        n
      </text>
    </ChartSvg>
  );
}
