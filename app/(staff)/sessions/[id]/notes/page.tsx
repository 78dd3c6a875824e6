import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { NoteTriageList } from "@/components/notes/note-triage-list";
import { TriageFilters } from "@/components/notes/triage-filters";
import { formatDateTime } from "@/lib/dates";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { requireStaffPage } from "@/server/auth/staff";
import { listInsightTitles } from "@/server/insights/list-insight-titles";
import { listSessionNotes } from "@/server/notes/list-session-notes";

export const metadata: Metadata = { title: "Triage notes" };

export default async function SessionNotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  const actor = await requireStaffPage();
  const filter = {
    code: one(sp.code),
    emotion: one(sp.emotion),
    department: one(sp.department),
    customer: one(sp.customer),
    untriaged: one(sp.untriaged),
  };
  const [data, insights] = await Promise.all([
    orNotFound(listSessionNotes(actor, id, filter)),
    listInsightTitles(actor),
  ]);
  const untriaged = data.notes.filter((n) => n.insights.length === 0).length;
  return (
    <div className="max-w-4xl space-y-6">
      <Link href={`/sessions/${data.session.id}`} className="text-sm text-blue-800 hover:underline">
        ← {data.session.title}
      </Link>
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Triage notes</h1>
        <p className="mt-1 text-slate-700">
          {data.session.title} ·{" "}
          {formatDateTime(data.session.startsAt, actor.timeZone, LOCALE_TAGS[actor.language])} · {data.total}{" "}
          notes
          {data.session.status === "live" && " · the session is live: new notes appear when you reload"}
        </p>
      </div>
      <TriageFilters
        path={`/sessions/${data.session.id}/notes`}
        current={data.filter}
        codes={data.options.codes}
        departments={data.options.departments}
        customers={data.options.customers}
      />
      <p className="text-sm text-slate-700" role="status">
        Showing {data.notes.length} of {data.total} notes; {untriaged} shown not triaged yet.
      </p>
      <NoteTriageList
        notes={data.notes}
        insights={insights}
        timeZone={actor.timeZone}
        empty="No notes match. Notes taken in the room appear here, each at its moment in the session."
      />
    </div>
  );
}
