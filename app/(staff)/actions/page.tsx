import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { formatDate } from "@/lib/dates";
import { isOpenWork } from "@/lib/domain/action-statuses";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import type { ActionItem } from "@/server/action-items/action-item-query";
import { listAllActionItems } from "@/server/action-items/list-all-action-items";
import { listMyActionItems } from "@/server/action-items/list-my-action-items";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Actions" };

const VIEWS = { mine: "My actions", all: "All actions" } as const;
type View = keyof typeof VIEWS;

export default async function ActionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const view: View = one(sp.view) === "all" ? "all" : "mine";
  const query = { view, page: one(sp.page), sort: one(sp.sort) };
  const list = await (view === "mine" ? listMyActionItems : listAllActionItems)(actor, query);
  const now = Date.now();
  const columns: Column<ActionItem>[] = [
    {
      key: "title",
      header: "Action",
      sortKey: "title",
      rowHeader: true,
      cell: (a) => (
        <>
          <Link href={`/actions/${a.id}`} className="font-semibold text-blue-800 hover:underline">
            {a.title}
          </Link>
          <span className="block text-xs text-slate-600">from “{a.insight}”</span>
        </>
      ),
    },
    { key: "department", header: "Department", sortKey: "department", cell: (a) => a.department },
    { key: "owner", header: "Owner", sortKey: "owner", cell: (a) => a.owner },
    {
      key: "deadline",
      header: "Deadline",
      sortKey: "deadline",
      cell: (a) => {
        const overdue = isOpenWork(a.status) && a.deadline.getTime() < now;
        return (
          <span className={overdue ? "font-bold text-red-800" : ""}>
            {overdue && "Overdue · "}
            {formatDate(a.deadline, actor.timeZone, LOCALE_TAGS[actor.language])}
          </span>
        );
      },
    },
    { key: "status", header: "Status", sortKey: "status", cell: (a) => <Badge status={a.status} /> },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Actions</h1>
        {can(actor, "department.manage") && (
          <Link href="/actions/departments" className="text-sm text-blue-800 underline">
            Department heads
          </Link>
        )}
      </div>
      <nav aria-label="Which actions" className="flex gap-2">
        {(Object.keys(VIEWS) as View[]).map((v) => (
          <Link
            key={v}
            href={`/actions?view=${v}`}
            aria-current={v === view ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-semibold ring-1 ring-inset ${
              v === view
                ? "bg-blue-700 text-white ring-blue-700"
                : "bg-white text-slate-900 ring-slate-300 hover:bg-slate-100"
            }`}
          >
            {VIEWS[v]}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-slate-600">
        {view === "mine"
          ? "Actions you own or that belong to a department you own, until they are verified."
          : actor.role === "agent"
            ? "Your own actions and your departments' actions."
            : "Every action, in every department."}
      </p>
      <DataTable
        caption={`${VIEWS[view]}, page ${list.page} of ${list.pageCount}`}
        captionHidden
        columns={columns}
        list={list}
        rowKey={(a) => a.id}
        path="/actions"
        query={query}
        paginationLabel="Pages of actions"
        empty={view === "mine" ? "Nothing waiting for you." : "No actions yet."}
      />
    </div>
  );
}
