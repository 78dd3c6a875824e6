import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listSessions } from "@/server/sessions/list-sessions";
import { FORMAT_LABELS } from "./format-labels";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const actor = await requireStaffPage();
  const sessions = await listSessions(actor);
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
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-6 gap-y-1 p-4 hover:bg-slate-50">
            <div className="min-w-0 flex-1">
              <Link href={`/sessions/${s.id}`} className="font-semibold text-blue-800 hover:underline">
                {s.title}
              </Link>
              <p className="text-sm text-slate-600">
                {formatDateTime(s.startsAt, actor.timeZone)} · {FORMAT_LABELS[s.format] ?? s.format} ·{" "}
                {s.durationMinutes} min · {s.facilitatorName}
              </p>
            </div>
            <p className="text-sm tabular-nums text-slate-700">
              {s.accepted}/{s.seats} booked · {s.invited} invited
            </p>
            <Badge status={s.status} />
          </li>
        ))}
        {sessions.length === 0 && <li className="p-6 text-slate-600">No sessions yet.</li>}
      </ul>
    </div>
  );
}
