import { ChartFigure } from "@/components/charts/chart-figure";
import { CompareChart, type CompareRow } from "@/components/charts/compare-chart";
import type { BeforeAfter } from "@/server/analytics/before-after";
import { csvHref, formatDay, isoDay, numbersHref } from "./links";

const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";

function chartRows(data: BeforeAfter): CompareRow[] {
  return data.parts.map((p) => {
    const c = p.comparison;
    if (p.measure === "CSAT")
      return {
        label: "CSAT",
        before: c.before * 100,
        after: c.after * 100,
        max: 100,
        format: (v) => `${Math.round(v)}%`,
      };
    if (p.measure === "CES")
      return { label: "CES (1–7)", before: c.before, after: c.after, max: 7, format: (v) => v.toFixed(1) };
    return {
      label: "Mentions / week",
      before: c.before,
      after: c.after,
      max: Math.max(1, c.before, c.after) * 1.25,
      format: (v) => v.toFixed(1),
    };
  });
}

export function BeforeAfterSection({
  data,
  query,
  codes,
  chosenCodes,
}: {
  data: BeforeAfter | null;
  query: Record<string, string>;
  codes: { number: number; label: string }[];
  chosenCodes: number[];
}) {
  const { fix: _fix, codes: _codes, ...keep } = query;
  return (
    <section aria-labelledby="before-after-heading" className="space-y-3">
      <h2 id="before-after-heading" className="text-xl font-semibold">
        Before and after a date
      </h2>
      <form
        method="get"
        action="/dashboard"
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="text-sm font-medium">
          Date (e.g. the day a fix shipped)
          <input
            type="date"
            name="fix"
            defaultValue={data ? isoDay(data.fixMs) : ""}
            className={field}
            required
          />
        </label>
        <label className="min-w-48 flex-1 text-sm font-medium">
          Complaints about (reason code numbers, comma-separated; empty: any)
          <input
            type="text"
            name="codes"
            inputMode="numeric"
            pattern="\d{1,4}(,\d{1,4})*"
            defaultValue={chosenCodes.join(",")}
            className={field}
            aria-describedby="codes-hint"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-3 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Compare
        </button>
        <p id="codes-hint" className="w-full text-xs text-slate-600">
          Codes:{" "}
          {codes
            .slice(0, 12)
            .map((c) => `${c.number} ${c.label}`)
            .join(" · ")}
          {codes.length > 12 && " …"}
        </p>
      </form>
      {data === null ? (
        <p className="text-sm">
          Choose a date to compare the eight weeks before it with the eight weeks after.
        </p>
      ) : (
        <ChartFigure
          id="before-after"
          title={`Before and after ${formatDay(data.fixMs)}${data.about ? `: “${data.about}” verified` : ""}`}
          summary={
            <span className="block space-y-1">
              {data.parts.map((p) => (
                <span key={p.measure} className="block">
                  {p.sentence}
                </span>
              ))}
            </span>
          }
          csvHref={csvHref({ ...query, fix: isoDay(data.fixMs) }, "before-after")}
          footnote={`Before: ${formatDay(data.beforeFrom)} to ${formatDay(data.fixMs - 86_400_000)}; after: ${formatDay(data.fixMs)} to ${formatDay(data.afterTo - 86_400_000)}. Tests: ${data.parts.map((p) => `${p.measure} — ${p.comparison.test}`).join("; ")}.`}
          numbersHref={numbersHref({ ...query, fix: isoDay(data.fixMs) }, "before-after")}
        >
          <CompareChart id="before-after" title="Before and after, side by side" rows={chartRows(data)} />
        </ChartFigure>
      )}
    </section>
  );
}
