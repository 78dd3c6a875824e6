import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { CHART } from "@/lib/chart-palette";
import { ChartLegend, ChartSvg, ValueAxis } from "./chart-svg";

export type ParetoBar = { key: string; label: string; count: number; cumulativeShare: number };

const H = 220;
const M = { top: 14, right: 36, bottom: 24, left: 36 };

function ParetoDrawing({
  id,
  title,
  bars,
  width: W,
  className,
}: {
  id: string;
  title: string;
  bars: ParetoBar[];
  width: number;
  className: string;
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
    <ChartSvg id={id} title={title} width={W} height={H} className={className}>
      <ValueAxis ticks={y.ticks(4)} y={y} left={M.left} right={W - M.right} />
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
    </ChartSvg>
  );
}

/**
 * Reason codes by count, largest first, with the cumulative share as a line on the right axis.
 * Drawn twice, at 320 and 640 px wide (CSS shows one): text keeps its drawn size at a phone's
 * width and a desktop's instead of scaling with one viewBox.
 */
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
  return (
    <div>
      <ParetoDrawing id={id} title={title} bars={bars} width={320} className="sm:hidden" />
      <ParetoDrawing id={id} title={title} bars={bars} width={640} className="hidden sm:block" />
      <ChartLegend
        entries={[
          { swatch: <rect x="3" y="0" width="12" height="10" fill={CHART.blue} />, label: "Bars: mentions" },
          {
            swatch: (
              <>
                <line
                  x1="0"
                  x2="18"
                  y1="5"
                  y2="5"
                  stroke={CHART.vermillion}
                  strokeWidth="2"
                  strokeDasharray="5 3"
                />
                <rect x="6" y="2" width="6" height="6" fill={CHART.vermillion} />
              </>
            ),
            label: "Dashed line: cumulative share (right axis)",
          },
        ]}
      />
    </div>
  );
}
