import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { buttonClass } from "@/components/ui/button";
import { zCustomerFilter } from "@/lib/validation/customers";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { customerFacets } from "@/server/customers/customer-facets";
import { LIST_LIMIT, listCustomers } from "@/server/customers/list-customers";
import { CONTACT_LABELS } from "./labels";

export const metadata: Metadata = { title: "Customers" };

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = zCustomerFilter.parse({ q: one(sp.q), tag: one(sp.tag), segment: one(sp.segment) });
  const [customers, facets] = await orNotFound(
    Promise.all([listCustomers(actor, filter), customerFacets(actor)]),
  );
  const seesNeeds = can(actor, "customer.accessibility.read");
  const filtered = Boolean(filter.q || filter.tag || filter.segment);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Customers</h1>
        <div className="flex flex-wrap gap-2">
          {can(actor, "customer.import") && (
            <Link href="/customers/import" className={buttonClass("secondary")}>
              Import CSV
            </Link>
          )}
          {can(actor, "customer.manage") && (
            <Link href="/customers/new" className={buttonClass()}>
              New customer
            </Link>
          )}
        </div>
      </div>
      <search>
        <form
          method="get"
          className="grid items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[2fr_1fr_1fr_auto]"
        >
          <div>
            <label htmlFor="q" className="block text-sm font-medium">
              Search name, email or phone
            </label>
            <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} className={CONTROL} />
          </div>
          <div>
            <label htmlFor="tag" className="block text-sm font-medium">
              Tag
            </label>
            <select id="tag" name="tag" defaultValue={filter.tag ?? ""} className={CONTROL}>
              <option value="">Any tag</option>
              {facets.tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="segment" className="block text-sm font-medium">
              Segment
            </label>
            <select id="segment" name="segment" defaultValue={filter.segment ?? ""} className={CONTROL}>
              <option value="">Any segment</option>
              {facets.segments.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass()}>
              Filter
            </button>
            {filtered && (
              <Link href="/customers" className={buttonClass("ghost")}>
                Clear
              </Link>
            )}
          </div>
        </form>
      </search>
      <p role="status" className="text-sm text-slate-700">
        {customers.length === LIST_LIMIT
          ? `Showing the first ${LIST_LIMIT} customers; search or filter to narrow the list.`
          : `${customers.length} customer${customers.length === 1 ? "" : "s"}${filtered ? " match" : ""}.`}
      </p>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="p-3 font-medium">
                Name
              </th>
              <th scope="col" className="p-3 font-medium">
                Contact
              </th>
              <th scope="col" className="p-3 font-medium">
                Language · zone
              </th>
              <th scope="col" className="p-3 font-medium">
                Segment and tags
              </th>
              {seesNeeds && (
                <th scope="col" className="p-3 font-medium">
                  Accessibility needs
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.id} className="border-b border-slate-100 align-top">
                <td className="p-3">
                  <Link href={`/customers/${c.id}`} className="font-medium text-blue-800 hover:underline">
                    <bdi>{c.name}</bdi>
                  </Link>
                </td>
                <td className="p-3">
                  <span className="block break-all">{c.email}</span>
                  {c.phone && <span className="block text-slate-600">{c.phone}</span>}
                  <span className="block text-xs text-slate-600">
                    Prefers: {CONTACT_LABELS[c.contactPreference]}
                  </span>
                </td>
                <td className="p-3">
                  <span className="uppercase">{c.language}</span>
                  <span className="block text-xs text-slate-600">{c.timeZone}</span>
                </td>
                <td className="p-3">
                  {c.segment && <span className="block font-medium">{c.segment}</span>}
                  <span className="flex flex-wrap gap-1">
                    {c.tags.map((t) => (
                      <span key={t} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                        {t}
                      </span>
                    ))}
                  </span>
                </td>
                {seesNeeds && <td className="p-3 whitespace-pre-line">{c.accessibilityNotes ?? ""}</td>}
              </tr>
            ))}
            {customers.length === 0 && (
              <tr>
                <td colSpan={seesNeeds ? 5 : 4} className="p-6 text-slate-600">
                  {filtered ? "No customer matches." : "No customers yet. Add one or import a CSV file."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
