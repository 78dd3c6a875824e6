import { Card } from "@/components/ui/card";
import type { DepartmentScorecards, Scorecard } from "@/server/analytics/scorecards";
import { csvHref } from "./links";

const num = (v: number | null, suffix = "") => (v === null ? "—" : `${v}${suffix}`);

function ScoreTable({ rows, caption, who }: { rows: Scorecard[]; caption: string; who: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="overflow-x-auto" tabIndex={0} aria-label={caption}>
      <table className="w-full min-w-[560px] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              {who}
            </th>
            {["Open", "Overdue", "On time", "Median days to close", "Reopened"].map((h) => (
              <th key={h} scope="col" className="py-2 pr-3 text-right font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <th scope="row" className="py-2 pr-3 font-medium">
                {r.name}
                {r.departmentName && (
                  <span className="block text-xs font-normal text-slate-600">{r.departmentName}</span>
                )}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{r.open}</td>
              <td
                className={`py-2 pr-3 text-right tabular-nums ${r.overdue > 0 ? "font-bold text-red-800" : ""}`}
              >
                {r.overdue}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{num(r.onTimeRate, "%")}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{num(r.medianDaysToClose)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{r.reopened}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ScorecardsSection({
  data,
  query,
}: {
  data: DepartmentScorecards;
  query: Record<string, string>;
}) {
  const overdue = data.departments.reduce((t, d) => t + d.overdue, 0);
  const worst = data.departments[0];
  return (
    <Card
      title="Department scorecards"
      actions={
        <span className="flex gap-3 text-sm">
          <a
            href={csvHref(query, "scorecards")}
            className="font-medium text-blue-800 underline underline-offset-2"
            download
          >
            CSV<span className="sr-only"> of department scorecards</span>
          </a>
          <a
            href={csvHref(query, "owners")}
            className="font-medium text-blue-800 underline underline-offset-2"
            download
          >
            CSV by owner
          </a>
        </span>
      }
    >
      <p className="mb-3 text-sm text-slate-700">
        {overdue === 0
          ? "No action is overdue."
          : `${overdue} actions are overdue${worst && worst.overdue > 0 ? `; most in ${worst.name} (${worst.overdue})` : ""}.`}{" "}
        On time: closed by the deadline, of all closed. Reopened: times a done or verified action was opened
        again.
      </p>
      <ScoreTable rows={data.departments} caption="Actions per department" who="Department" />
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-blue-800 underline underline-offset-2">
          Per owner ({data.owners.length})
        </summary>
        <div className="mt-2">
          <ScoreTable rows={data.owners} caption="Actions per owner" who="Owner" />
        </div>
      </details>
    </Card>
  );
}
