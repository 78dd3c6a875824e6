import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageLoading } from "@/components/ui/page-loading";
import { formatDate } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { type CustomerFilter, zCustomerFilter } from "@/lib/validation/customers";
import type { StaffActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import type { CustomerDto } from "@/server/customers/customer-dto";
import { customerFacets } from "@/server/customers/customer-facets";
import { listCustomersPage } from "@/server/customers/list-customers";
import { CONTACT_LABELS } from "./labels";

export const metadata: Metadata = { title: "Customers" };

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900";

type Query = Record<string, string | undefined>;

export default async function CustomersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  // Checked before anything streams, so a role without the directory gets a real 404.
  if (!can(actor, "customer.list")) notFound();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const filter = zCustomerFilter.parse({ q: one(sp.q), tag: one(sp.tag), segment: one(sp.segment) });
  const query: Query = { ...filter, page: one(sp.page), sort: one(sp.sort) };
  const facets = await customerFacets(actor);
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
          {/* A new filter starts at page 1 and keeps the order. */}
          {query.sort && <input type="hidden" name="sort" value={query.sort} />}
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
      <Suspense key={JSON.stringify(query)} fallback={<PageLoading label="Loading customers…" />}>
        <CustomerTable actor={actor} filter={filter} query={query} />
      </Suspense>
    </div>
  );
}

/** The directory page itself: streamed after the heading and filters. */
async function CustomerTable({
  actor,
  filter,
  query,
}: {
  actor: StaffActor;
  filter: CustomerFilter;
  query: Query;
}) {
  const list = await listCustomersPage(actor, query);
  const seesNeeds = can(actor, "customer.accessibility.read");
  const filtered = Boolean(filter.q || filter.tag || filter.segment);
  const columns: Column<CustomerDto>[] = [
    {
      key: "name",
      header: "Name",
      sortKey: "name",
      rowHeader: true,
      className: "min-w-32",
      cell: (c) => (
        <Link href={`/customers/${c.id}`} className="font-medium text-blue-800 hover:underline">
          <bdi>{c.name}</bdi>
        </Link>
      ),
    },
    {
      key: "contact",
      header: "Contact",
      sortKey: "email",
      className: "min-w-52",
      cell: (c) => (
        <>
          <span className="block break-all">{c.email}</span>
          {c.phone && <span className="block text-slate-600">{c.phone}</span>}
          <span className="block text-xs text-slate-600">Prefers: {CONTACT_LABELS[c.contactPreference]}</span>
        </>
      ),
    },
    {
      key: "language",
      header: "Language · zone",
      sortKey: "language",
      cell: (c) => (
        <>
          <span className="uppercase">{c.language}</span>
          <span className="block text-xs text-slate-600">{c.timeZone}</span>
        </>
      ),
    },
    {
      key: "segment",
      header: "Segment and tags",
      cell: (c) => (
        <>
          {c.segment && <span className="block font-medium">{c.segment}</span>}
          <span className="flex flex-wrap gap-1">
            {c.tags.map((t) => (
              <span key={t} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                {t}
              </span>
            ))}
          </span>
        </>
      ),
    },
    ...(seesNeeds
      ? [
          {
            key: "needs",
            header: "Accessibility needs",
            className: "whitespace-pre-line",
            cell: (c: CustomerDto) => c.accessibilityNotes ?? "",
          },
        ]
      : []),
    {
      key: "created",
      header: "Added",
      sortKey: "created",
      descFirst: true,
      className: "whitespace-nowrap",
      cell: (c) => formatDate(c.createdAt, actor.timeZone, LOCALE_TAGS[actor.language]),
    },
  ];
  return (
    <>
      <p role="status" className="text-sm text-slate-700">
        {`${list.total} customer${list.total === 1 ? "" : "s"}${filtered ? " match" : ""}.`}
      </p>
      <DataTable
        caption={`Customers, page ${list.page} of ${list.pageCount}`}
        captionHidden
        columns={columns}
        list={list}
        rowKey={(c) => c.id}
        path="/customers"
        query={query}
        paginationLabel="Pages of customers"
        empty={filtered ? "No customer matches." : "No customers yet. Add one or import a CSV file."}
      />
    </>
  );
}
