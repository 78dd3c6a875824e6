import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { type Column, DataTable } from "@/components/ui/data-table";
import { PageLoading } from "@/components/ui/page-loading";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import type { StaffActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listSessionsPage, type SessionListItem } from "@/server/sessions/list-sessions";
import { SessionCalendar } from "./_components/session-calendar";
import { SessionFiltersBar, type SessionQuery } from "./_components/session-filters";
import { FORMAT_LABELS } from "./format-labels";

export const metadata: Metadata = { title: "Sessions" };

type Query = SessionQuery;

export default async function SessionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const query: Query = {
    page: one(sp.page),
    sort: one(sp.sort),
    view: one(sp.view) ?? "upcoming",
    q: one(sp.q),
    format: one(sp.format),
    month: one(sp.month),
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold tracking-tight">Sessions</h1>
        {can(actor, "session.create") && (
          <Link href="/sessions/new" className={buttonClass()}>
            New session
          </Link>
        )}
      </div>
      <SessionFiltersBar query={query} />
      <Suspense key={JSON.stringify(query)} fallback={<PageLoading label="Loading sessions…" />}>
        {query.view === "calendar" ? (
          <SessionCalendar actor={actor} query={query} />
        ) : (
          <SessionTable actor={actor} query={query} />
        )}
      </Suspense>
    </div>
  );
}

/** One page of the sessions: streamed after the heading. */
async function SessionTable({ actor, query }: { actor: StaffActor; query: Query }) {
  const list = await listSessionsPage(actor, query);
  const columns: Column<SessionListItem>[] = [
    {
      key: "title",
      header: "Session",
      sortKey: "title",
      rowHeader: true,
      className: "min-w-56",
      cell: (s) => (
        <>
          <Link href={`/sessions/${s.id}`} className="font-semibold text-blue-800 hover:underline">
            {s.title}
          </Link>
          <span className="block text-slate-600">
            {FORMAT_LABELS[s.format] ?? s.format} · {s.facilitatorName}
          </span>
        </>
      ),
    },
    {
      key: "starts",
      header: "Starts",
      sortKey: "starts",
      descFirst: true,
      className: "min-w-44",
      cell: (s) => (
        <>
          {formatDateTime(s.startsAt, actor.timeZone, LOCALE_TAGS[actor.language])}
          <span className="block text-slate-600">{s.durationMinutes} min</span>
        </>
      ),
    },
    {
      key: "rsvps",
      header: "Booked",
      className: "tabular-nums",
      cell: (s) => (
        <>
          {s.accepted}/{s.seats} booked
          <span className="block text-slate-600">{s.invited} invited</span>
        </>
      ),
    },
    { key: "status", header: "Status", sortKey: "status", cell: (s) => <Badge status={s.status} /> },
  ];
  return (
    <DataTable
      caption={`Sessions, page ${list.page} of ${list.pageCount}`}
      captionHidden
      columns={columns}
      list={list}
      rowKey={(s) => s.id}
      path="/sessions"
      query={query}
      paginationLabel="Pages of sessions"
      empty={
        query.q || query.format
          ? "No sessions match these filters."
          : `No ${query.view === "all" ? "" : `${query.view} `}sessions.`
      }
    />
  );
}
