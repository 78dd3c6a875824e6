import Link from "next/link";
import type { ReactNode } from "react";
import { type ListPage, pageNumbers, type Sort, sortParam } from "@/lib/paging";

export type Column<T> = {
  /** React key and, unless `sortKey` says otherwise, nothing more. */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Makes the header a link that sorts by this key (one of the list's whitelisted keys). */
  sortKey?: string;
  /** Sorting by this key starts descending (dates: newest first). */
  descFirst?: boolean;
  /** The cell that names the row, read out with every other cell of the row. */
  rowHeader?: boolean;
  className?: string;
};

type Labels = {
  previous: string;
  next: string;
  page: (n: number) => string;
  rows: (first: number, last: number, total: number) => string;
};

const EN: Labels = {
  previous: "Previous",
  next: "Next",
  page: (n) => `Page ${n}`,
  rows: (first, last, total) => `Rows ${first}–${last} of ${total}`,
};

/**
 * A server-rendered table over one page of a list, driven by the URL: sortable headers and the
 * pagination are links that keep the rest of the query (filters) and change `page` / `sort`, so
 * every state can be bookmarked, shared and used without JavaScript. The caption names the table;
 * the sorted column carries aria-sort; the pagination is a labelled navigation landmark.
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  list,
  rowKey,
  path,
  query = {},
  empty,
  paginationLabel,
  labels = EN,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  list: ListPage<T>;
  rowKey: (row: T) => string;
  /** The page's path; links are `path?…query&page=&sort=`. */
  path: string;
  /** The current query (filters) to keep in every link; `page` and `sort` are replaced. */
  query?: Record<string, string | undefined>;
  empty: ReactNode;
  /** Names the pagination landmark, e.g. "Pages of customers". */
  paginationLabel: string;
  labels?: Labels;
}) {
  const href = (change: { page?: number; sort?: Sort }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v && k !== "page" && k !== "sort") params.set(k, v);
    params.set("sort", sortParam(change.sort ?? list.sort));
    const page = change.page ?? 1;
    if (page > 1) params.set("page", String(page));
    return `${path}?${params}`;
  };
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left text-sm">
          <caption
            className={captionHidden ? "sr-only" : "p-3 text-left text-sm font-semibold text-slate-700"}
          >
            {caption}
          </caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              {columns.map((c) => {
                const sorted = c.sortKey !== undefined && c.sortKey === list.sort.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    aria-sort={sorted ? (list.sort.desc ? "descending" : "ascending") : undefined}
                    className={`p-3 font-medium ${c.className ?? ""}`}
                  >
                    {c.sortKey ? (
                      <Link
                        prefetch={false}
                        href={href({
                          sort: { key: c.sortKey, desc: sorted ? !list.sort.desc : !!c.descFirst },
                        })}
                        className="inline-flex items-center gap-1 rounded text-blue-800 underline-offset-2 hover:underline"
                      >
                        {c.header}
                        <SortMark state={sorted ? (list.sort.desc ? "desc" : "asc") : "none"} />
                      </Link>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-slate-100 align-top last:border-0">
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={`p-3 font-normal ${c.className ?? ""}`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={`p-3 ${c.className ?? ""}`}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
            {list.rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="p-6 text-slate-600">
                  {empty}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {list.pageCount > 1 && (
        <nav aria-label={paginationLabel} className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700 tabular-nums">{labels.rows(first, last, list.total)}</p>
          <ul className="flex flex-wrap items-center gap-1">
            <li>
              <PageLink href={list.page > 1 ? href({ page: list.page - 1 }) : null} rel="prev">
                {labels.previous}
              </PageLink>
            </li>
            {pageNumbers(list.page, list.pageCount).map((n, i) =>
              n === null ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: at most two gaps, fixed by position
                <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-500">
                  …
                </li>
              ) : (
                <li key={n}>
                  <PageLink href={href({ page: n })} current={n === list.page} aria-label={labels.page(n)}>
                    {n}
                  </PageLink>
                </li>
              ),
            )}
            <li>
              <PageLink href={list.page < list.pageCount ? href({ page: list.page + 1 }) : null} rel="next">
                {labels.next}
              </PageLink>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}

const PAGE_LINK =
  "inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-3 text-sm font-semibold tabular-nums";

function PageLink({
  href,
  current = false,
  rel,
  children,
  "aria-label": ariaLabel,
}: {
  href: string | null;
  current?: boolean;
  rel?: string;
  children: ReactNode;
  "aria-label"?: string;
}) {
  if (href === null)
    return (
      <span aria-disabled="true" className={`${PAGE_LINK} text-slate-400`}>
        {children}
      </span>
    );
  return (
    <Link
      prefetch={false}
      href={href}
      rel={rel}
      aria-label={ariaLabel}
      aria-current={current ? "page" : undefined}
      className={`${PAGE_LINK} ${current ? "bg-blue-700 text-white" : "text-blue-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}

/** The direction a column is sorted in, as a small arrow (aria-sort says it in words). */
function SortMark({ state }: { state: "asc" | "desc" | "none" }) {
  const d =
    state === "asc" ? "M4 10l4-4 4 4" : state === "desc" ? "M4 6l4 4 4-4" : "M5 6l3-3 3 3M5 10l3 3 3-3";
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={`size-4 ${state === "none" ? "text-slate-400" : ""}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d={d} />
    </svg>
  );
}
