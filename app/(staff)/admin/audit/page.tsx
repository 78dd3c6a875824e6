import type { Metadata } from "next";
import { orNotFound } from "@/app/_lib/page-guard";
import { buttonClass } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/page-heading";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { listAuditLog } from "@/server/admin/audit-log";
import { requireStaffPage } from "@/server/auth/staff";

export const metadata: Metadata = { title: "Audit log" };

const FIELDS = [
  ["resourceType", "Record type (e.g. customer)"],
  ["resourceId", "Record id"],
  ["action", "Action (e.g. read, export)"],
] as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const raw = await searchParams;
  const filter = Object.fromEntries(
    FIELDS.map(([k]) => [
      k,
      typeof raw[k] === "string" && raw[k] ? String(raw[k]).slice(0, 64) : undefined,
    ]).filter(([, v]) => v),
  ) as Record<string, string>;
  const rows = await orNotFound(listAuditLog(actor, filter));
  const query = new URLSearchParams(filter).toString();
  return (
    <div className="space-y-6">
      <PageHeading back={{ href: "/admin", label: "Admin" }} title="Audit log" />
      <form method="get" className="flex flex-wrap items-end gap-3">
        {FIELDS.map(([name, label]) => (
          <div key={name}>
            <label htmlFor={`f-${name}`} className="block text-sm font-medium">
              {label}
            </label>
            <input
              id={`f-${name}`}
              name={name}
              defaultValue={filter[name] ?? ""}
              className="mt-1 rounded-md border border-slate-400 px-3 py-2"
            />
          </div>
        ))}
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
      </form>
      <form method="post" action={`/admin/audit/export${query ? `?${query}` : ""}`}>
        <button type="submit" className={buttonClass("secondary")}>
          Export these entries (CSV)
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Newest audit entries first</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              {["When", "Who", "Action", "Record"].map((h) => (
                <th key={h} scope="col" className="px-3 py-2 font-semibold">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: audit rows are read-only and ordered
              <tr key={i} className="border-t border-slate-100">
                <td className="px-3 py-2 whitespace-nowrap">
                  {formatDateTime(r.at, actor.timeZone, LOCALE_TAGS[actor.language])}
                </td>
                <td className="px-3 py-2">{r.actor ?? r.actorType}</td>
                <td className="px-3 py-2 font-mono">{r.action}</td>
                <td className="px-3 py-2 font-mono break-all">
                  {r.resourceType} {r.resourceId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-slate-700">No entries match.</p>}
      </div>
    </div>
  );
}
