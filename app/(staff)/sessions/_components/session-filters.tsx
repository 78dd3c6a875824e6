import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { FORMAT_CHOICES } from "../format-labels";

export type SessionQuery = {
  page?: string;
  sort?: string;
  view?: string;
  q?: string;
  format?: string;
  month?: string;
};

const VIEWS = [
  ["upcoming", "Upcoming"],
  ["past", "Past"],
  ["cancelled", "Cancelled"],
  ["all", "All"],
  ["calendar", "Calendar"],
] as const;

export function sessionsHref(query: SessionQuery, change: Partial<SessionQuery>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, page: undefined, ...change })) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `/sessions?${qs}` : "/sessions";
}

/** The views as tabs (links: the view is in the URL) and a GET search form that keeps it. */
export function SessionFiltersBar({ query }: { query: SessionQuery }) {
  const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="space-y-3">
      <nav aria-label="Session views" className="flex flex-wrap gap-1 border-b border-slate-200">
        {VIEWS.map(([view, label]) => {
          const current = (query.view ?? "upcoming") === view;
          return (
            <Link
              key={view}
              href={sessionsHref(query, { view, sort: undefined, month: undefined })}
              aria-current={current ? "page" : undefined}
              className={`-mb-px rounded-t px-3 py-2 text-sm font-medium ${current ? "border-b-2 border-blue-700 text-blue-900" : "text-slate-700 hover:text-blue-800"}`}
            >
              {label}
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/sessions" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="view" value={query.view ?? "upcoming"} />
        {query.month && <input type="hidden" name="month" value={query.month} />}
        <div className="min-w-48 flex-1 text-sm font-medium">
          <label htmlFor="sessions-q">Search titles</label>
          <input id="sessions-q" type="search" name="q" defaultValue={query.q ?? ""} className={field} />
        </div>
        <FilterSelect
          label="Format"
          name="format"
          value={query.format}
          any="All formats"
          choices={FORMAT_CHOICES}
          className={field}
        />
        <button
          type="submit"
          className="rounded-md bg-blue-700 px-3 py-2 text-sm font-semibold text-white hover:bg-blue-800"
        >
          Search
        </button>
      </form>
    </div>
  );
}
