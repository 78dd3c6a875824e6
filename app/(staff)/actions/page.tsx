import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatDate } from "@/lib/dates";
import type { ActionItem } from "@/server/action-items/action-item-query";
import { listAllActionItems } from "@/server/action-items/list-all-action-items";
import { listMyActionItems } from "@/server/action-items/list-my-action-items";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Actions" };

function ActionItemList({
  rows,
  total,
  timeZone,
  now,
}: {
  rows: ActionItem[];
  total: number;
  timeZone: string;
  now: number;
}) {
  if (rows.length === 0)
    return <p className="rounded-lg bg-white p-5 text-slate-600 ring-1 ring-slate-200">Nothing here.</p>;
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {rows.map((a) => {
        const overdue = (a.status === "open" || a.status === "in_progress") && a.deadline.getTime() < now;
        return (
          <li key={a.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 p-4">
            <div className="min-w-0 flex-1">
              <Link href={`/actions/${a.id}`} className="font-semibold text-blue-800 hover:underline">
                {a.title}
              </Link>
              <p className="text-sm text-slate-600">
                {a.department} · {a.owner} · from “{a.insight}”
              </p>
            </div>
            <p className={`text-sm ${overdue ? "font-bold text-red-800" : "text-slate-700"}`}>
              {overdue ? "Overdue since " : "Due "}
              {formatDate(a.deadline, timeZone)}
            </p>
            <Badge status={a.status} />
          </li>
        );
      })}
      {total > rows.length && (
        <li className="p-4 text-sm text-slate-600">
          The first {rows.length} of {total}, by deadline.
        </li>
      )}
    </ul>
  );
}

export default async function ActionsPage() {
  const actor = await requireStaffPage();
  const [mine, all] = await Promise.all([listMyActionItems(actor), listAllActionItems(actor)]);
  const now = Date.now();
  return (
    <div className="space-y-8">
      <section className="space-y-3" aria-labelledby="mine">
        <h1 id="mine" className="text-3xl font-bold tracking-tight">
          My actions
        </h1>
        <ActionItemList {...mine} timeZone={actor.timeZone} now={now} />
      </section>
      <section className="space-y-3" aria-labelledby="all">
        <h2 id="all" className="text-xl font-semibold">
          All actions
        </h2>
        <ActionItemList {...all} timeZone={actor.timeZone} now={now} />
      </section>
    </div>
  );
}
