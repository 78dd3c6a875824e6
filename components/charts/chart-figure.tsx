import type { ReactNode } from "react";

export type TableColumn = { key: string; label: string; numeric?: boolean };
export type TableRow = Record<string, string | number | null>;

/**
 * Every chart is a figure: a title, one sentence saying what it shows, the picture (server SVG,
 * no client JavaScript), and the same numbers as a table for screen readers and keyboard users,
 * with a CSV of them.
 */
export function ChartFigure({
  id,
  title,
  summary,
  columns,
  rows,
  csvHref,
  children,
  footnote,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  columns: TableColumn[];
  rows: TableRow[];
  csvHref?: string;
  children: ReactNode;
  footnote?: ReactNode;
}) {
  return (
    <figure
      aria-labelledby={`${id}-title`}
      className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <h3 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h3>
      <p id={`${id}-summary`} className="mt-1 text-sm text-slate-700">
        {summary}
      </p>
      <div className="mt-3">{children}</div>
      {footnote && <p className="mt-2 text-xs text-slate-600">{footnote}</p>}
      <div className="mt-3 flex flex-wrap items-start gap-x-4 gap-y-2 text-sm">
        <details className="min-w-0 flex-1">
          <summary className="cursor-pointer font-medium text-blue-800 underline underline-offset-2">
            Show the numbers
          </summary>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable) */}
          <section className="mt-2 max-h-80 overflow-auto" tabIndex={0} aria-label={`${title}: the numbers`}>
            <table className="w-full text-left text-xs">
              <caption className="sr-only">{title}</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  {columns.map((c) => (
                    <th
                      key={c.key}
                      scope="col"
                      className={`py-1 pr-3 font-medium ${c.numeric ? "text-right" : ""}`}
                    >
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reorder
                  <tr key={i} className="border-b border-slate-100">
                    {columns.map((c, j) =>
                      j === 0 ? (
                        <th key={c.key} scope="row" className="py-1 pr-3 font-normal">
                          {r[c.key] ?? "—"}
                        </th>
                      ) : (
                        <td key={c.key} className={`py-1 pr-3 tabular-nums ${c.numeric ? "text-right" : ""}`}>
                          {r[c.key] ?? "—"}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </details>
        {csvHref && (
          <a href={csvHref} className="font-medium text-blue-800 underline underline-offset-2" download>
            CSV<span className="sr-only"> of {title}</span>
          </a>
        )}
      </div>
    </figure>
  );
}
