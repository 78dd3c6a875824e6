import type { Metadata } from "next";
import Link from "next/link";
import { ValueIrritantGrid } from "@/components/insights/value-irritant-grid";
import { buttonClass } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import { QUADRANT_LABELS, quadrantOf } from "@/lib/domain/insights";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { formatEstimate } from "@/lib/money";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { insightGrid } from "@/server/insights/insight-grid";
import { listInsights } from "@/server/insights/list-insights";

export const metadata: Metadata = { title: "Insights" };

type Row = Awaited<ReturnType<typeof listInsights>>["rows"][number];

export default async function InsightsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const query = { page: one(sp.page), sort: one(sp.sort), code: one(sp.code) };
  const [list, grid] = await Promise.all([listInsights(actor, query), insightGrid(actor)]);
  const money = (n: number) => formatEstimate(n, grid.currency);
  const columns: Column<Row>[] = [
    {
      key: "title",
      header: "Insight",
      sortKey: "title",
      rowHeader: true,
      cell: (i) => (
        <>
          <Link href={`/insights/${i.id}`} className="font-semibold text-blue-800 hover:underline">
            {i.title}
          </Link>
          <span className="block text-xs text-slate-600">
            {i.codes.map((c) => `${c.number} ${c.label}`).join(" · ")}
          </span>
        </>
      ),
    },
    {
      key: "quadrant",
      header: "Grid",
      cell: (i) => QUADRANT_LABELS[quadrantOf(i.customerAxis, i.companyAxis)].title,
    },
    {
      key: "heard",
      header: "Heard",
      cell: (i) => `${i.heard}× · ${i.distinctCustomers} customer${i.distinctCustomers === 1 ? "" : "s"}`,
    },
    { key: "cost", header: "Cost a month", cell: (i) => money(i.monthlyCost), className: "tabular-nums" },
    {
      key: "created",
      header: "Created",
      sortKey: "created",
      descFirst: true,
      cell: (i) => formatDate(i.createdAt, actor.timeZone, LOCALE_TAGS[actor.language]),
    },
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Insights</h1>
        {can(actor, "insight.create") && (
          <Link href="/insights/new" className={buttonClass()}>
            New insight
          </Link>
        )}
      </div>
      {list.codeAsked !== undefined && (
        <p className="rounded-md bg-blue-50 p-3 text-sm ring-1 ring-blue-200">
          {list.code ? (
            <>
              Insights carrying reason code{" "}
              <strong>
                #{list.code.number} {list.code.label}
              </strong>{" "}
              ({list.total}
              ). What was heard:{" "}
              <Link
                href={`/listening-log?code=${list.code.id}`}
                className="font-medium text-blue-800 underline underline-offset-2"
              >
                listening-log entries with this code
              </Link>
              .{" "}
            </>
          ) : (
            <>There is no reason code #{list.codeAsked}. </>
          )}
          <Link href="/insights" className="font-medium text-blue-800 underline underline-offset-2">
            Show every insight
          </Link>
        </p>
      )}
      <ValueIrritantGrid
        items={grid.items.map((i) => ({
          ...i,
          href: `/insights/${i.id}`,
          detail: `heard ${i.heard}× · ${money(i.monthlyCost)} a month`,
        }))}
      />
      <DataTable
        caption={`Insights, page ${list.page} of ${list.pageCount}`}
        captionHidden
        columns={columns}
        list={list}
        rowKey={(i) => i.id}
        path="/insights"
        query={query}
        paginationLabel="Pages of insights"
        empty={list.code ? "No insight carries this reason code yet." : "No insights yet."}
      />
    </div>
  );
}
