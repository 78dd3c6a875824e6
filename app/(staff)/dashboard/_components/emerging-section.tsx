import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EMERGING_TEST_DESCRIPTION } from "@/lib/stats/emerging";
import { formatP } from "@/lib/stats/sentences";
import type { EmergingIssues } from "@/server/analytics/emerging-issues";
import { csvHref, formatDay } from "./links";

export function EmergingSection({
  emerging,
  query,
  canOutreach,
}: {
  emerging: EmergingIssues;
  query: Record<string, string>;
  canOutreach: boolean;
}) {
  return (
    <Card
      title="Emerging issues"
      actions={
        <a
          href={csvHref(query, "emerging")}
          className="text-sm font-medium text-blue-800 underline underline-offset-2"
          download
        >
          CSV<span className="sr-only"> of emerging issues</span>
        </a>
      }
    >
      <p className="text-sm text-slate-700">
        Week of {formatDay(emerging.weekStart)}, {emerging.tested} reason codes tested.
      </p>
      {emerging.flagged.length === 0 ? (
        <p className="mt-3 font-medium">Nothing is rising above its usual level this week.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {emerging.flagged.map((e) => (
            <li key={e.id} className="rounded-md border-l-4 border-[#D55E00] bg-orange-50 p-3">
              <p className="font-semibold">
                #{e.number} {e.label}: {e.current} mentions this week, against {e.baselineMean.toFixed(1)} a
                week before{e.ratio !== null && ` (${e.ratio.toFixed(1)}×)`}
              </p>
              <p className="text-sm text-slate-700">
                Exact test, corrected for {emerging.tested} codes: {formatP(e.adjustedP)}. The 8 weeks before:{" "}
                {e.weekly.slice(0, -1).join(", ")}.
              </p>
              {canOutreach && (
                <Link
                  href={`/dashboard/outreach/${e.id}`}
                  className="mt-2 inline-block text-sm font-semibold text-blue-800 underline underline-offset-2"
                >
                  Draft outreach to the customers who raised it<span className="sr-only"> (#{e.number})</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-slate-600">How this is decided: {EMERGING_TEST_DESCRIPTION}</p>
    </Card>
  );
}
