import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { CHART } from "@/lib/chart-palette";

export type ParetoBar = { key: string; label: string; count: number; cumulativeShare: number };

const W = 400;
const H = 240;
const M = { top: 14, right: 36, bottom: 40, left: 36 };

/** Reason codes by count, largest first, with the cumulative share as a line on the right axis. */
export function ParetoChart({
  id,
  title,
  bars,
}: {
  id: string;
  /** The SVG's own title (the figure around it has the summary and the table). */
  title: string;
  bars: ParetoBar[];
}) {
  const x = scaleBand<string>()
    .domain(bars.map((b) => b.key))
    .range([M.left, W - M.right])
    .padding(0.2);
  const max = Math.max(1, ...bars.map((b) => b.count));
  const y = scaleLinear()
    .domain([0, max])
    .range([H - M.bottom, M.top])
    .nice();
  const share = scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  const mid = (k: string) => (x(k) ?? 0) + x.bandwidth() / 2;
  const cumulative = line<ParetoBar>()
    .x((b) => mid(b.key))
    .y((b) => share(b.cumulativeShare))(bars);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="h-auto w-full max-w-2xl"
      role="img"
      aria-labelledby={`${id}-title ${id}-summary`}
      fontSize={11}
      fill={CHART.text}
    >
      <title>{title}</title>
      {y.ticks(4).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke={CHART.grid} />
          <text x={M.left - 4} y={y(t)} dy="0.32em" textAnchor="end" fill={CHART.axis}>
            {t}
          </text>
        </g>
      ))}
      {[0, 0.5, 0.8, 1].map((t) => (
        <text key={t} x={W - M.right + 4} y={share(t)} dy="0.32em" fill={CHART.vermillion} fontSize={10}>
          {Math.round(t * 100)}%
        </text>
      ))}
      {bars.map((b) => (
        <g key={b.key}>
          <rect
            x={x(b.key)}
            y={y(b.count)}
            width={x.bandwidth()}
            height={H - M.bottom - y(b.count)}
            fill={CHART.blue}
          />
          <text x={mid(b.key)} y={H - M.bottom + 14} textAnchor="middle" fontSize={10} fill={CHART.axis}>
            {b.label}
          </text>
        </g>
      ))}
      {cumulative && (
        <path d={cumulative} fill="none" stroke={CHART.vermillion} strokeWidth={2} strokeDasharray="5 3" />
      )}
      {bars.map((b) => (
        <rect
          key={b.key}
          x={mid(b.key) - 3}
          y={share(b.cumulativeShare) - 3}
          width={6}
          height={6}
          fill={CHART.vermillion}
        />
      ))}
      <text x={M.left} y={H - 6} fontSize={10} fill={CHART.axis}>
        Bars: mentions · dashed line: cumulative share (right)
      </text>
    </svg>
  );
}
