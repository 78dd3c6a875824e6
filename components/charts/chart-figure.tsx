import type { ReactNode } from "react";

/**
 * Every chart is a figure: a title, one sentence saying what it shows, the picture (server SVG,
 * no client JavaScript), a link to the same numbers as a table (a page of its own, for screen
 * readers and keyboard users) and a CSV of them.
 */
export function ChartFigure({
  id,
  title,
  summary,
  numbersHref,
  csvHref,
  children,
  footnote,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  numbersHref: string;
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
        {/* The table of the numbers is a page of its own (the same figures as the CSV): rendered for
            every chart inline it weighed more than the rest of the dashboard together. */}
        <a href={numbersHref} className="font-medium text-blue-800 underline underline-offset-2">
          Show the numbers<span className="sr-only"> of {title} as a table</span>
        </a>
        {csvHref && (
          <a href={csvHref} className="font-medium text-blue-800 underline underline-offset-2" download>
            CSV<span className="sr-only"> of {title}</span>
          </a>
        )}
      </div>
    </figure>
  );
}
