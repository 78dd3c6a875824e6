import type { ReactNode } from "react";
import { CHART } from "@/lib/chart-palette";

/**
 * The outer <svg> every chart shares. It is drawn at its own size in CSS pixels (`width` = the
 * viewBox width) and only ever shrinks to fit (`max-width: 100%`), so its text stays the size it
 * was drawn at on a desktop instead of growing with the column; a chart that must also read at
 * 320 px draws a narrow version for phones (see ParetoChart).
 */
export function ChartSvg({
  id,
  title,
  width,
  height,
  className = "",
  children,
}: {
  id: string;
  title: string;
  width: number;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className={`h-auto max-w-full ${className}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-summary`}
      fontSize={11}
      fill={CHART.text}
    >
      <title>{title}</title>
      {children}
    </svg>
  );
}

/** Horizontal grid lines with their values on the left: the value axis of the trend and Pareto charts. */
export function ValueAxis({
  ticks,
  y,
  left,
  right,
  format = String,
}: {
  ticks: number[];
  y: (v: number) => number;
  left: number;
  right: number;
  format?: (v: number) => string;
}) {
  return ticks.map((t) => (
    <g key={t}>
      <line x1={left} x2={right} y1={y(t)} y2={y(t)} stroke={CHART.grid} strokeWidth={1} />
      <text x={left - 4} y={y(t)} dy="0.32em" textAnchor="end" fill={CHART.axis}>
        {format(t)}
      </text>
    </g>
  ));
}

/** A legend in HTML under a chart (never clipped by the drawing's width), one swatch per entry. */
export function ChartLegend({ entries }: { entries: { swatch: ReactNode; label: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700">
      {entries.map((e) => (
        <li key={e.label} className="flex items-center gap-1.5">
          <svg width="18" height="10" aria-hidden="true" className="shrink-0">
            {e.swatch}
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}
