import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { Stat } from "@/components/ui/card";
import { ColumnHeads } from "@/components/ui/column-heads";
import { formatDateTime } from "@/lib/dates";
import { requireStaffPage } from "@/server/auth/staff";
import { deliveryProblems, type JobProblem } from "@/server/notify/delivery-problems";

export const metadata: Metadata = { title: "Deliveries and jobs" };
export const dynamic = "force-dynamic";

// Admins, in production too: emails that could not be delivered and background jobs that failed
// or are stuck. Ids, kinds and errors only — never an address, a body or a payload.
export default async function DeliveriesPage() {
  const actor = await requireStaffPage();
  const p = await orNotFound(deliveryProblems(actor));
  const when = (d: Date | null) => (d ? formatDateTime(d, actor.timeZone, "en-GB") : "never");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin" className="text-sm font-medium text-blue-800 hover:underline">
          ← Admin
        </Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight">Deliveries and jobs</h1>
      <p
        role={p.worker.ok ? undefined : "alert"}
        className={p.worker.ok ? "text-slate-700" : "font-semibold text-red-800"}
      >
        {p.worker.ok
          ? "The background worker is running"
          : "No background worker has reported in the last 30 seconds"}{" "}
        (last seen {when(p.worker.lastSeenAt)}).
      </p>
      <div className="grid gap-4 sm:grid-cols-4">
        <Stat label="Emails waiting" value={p.outbox.counts.pending} />
        <Stat label="Emails stuck (15 min past due)" value={p.stuckMails} />
        <Stat label="Emails sent" value={p.outbox.counts.sent} />
        <Stat label="Emails failed (dead letters)" value={p.outbox.counts.dead} />
      </div>
      <ProblemTable
        caption="Emails that could not be delivered, newest first"
        rows={p.outbox.dead.map((d) => ({ ...d, at: d.createdAt }))}
        atLabel="Queued"
        when={when}
      />
      <ProblemTable
        caption="Background jobs that gave up, newest first"
        rows={p.deadJobs}
        atLabel="Gave up"
        when={when}
      />
      <ProblemTable
        caption="Background jobs stuck past their time"
        rows={p.stuckJobs}
        atLabel="Due"
        when={when}
      />
    </div>
  );
}

function ProblemTable({
  caption,
  rows,
  atLabel,
  when,
}: {
  caption: string;
  rows: JobProblem[];
  atLabel: string;
  when: (d: Date) => string;
}) {
  return (
    <section className="space-y-2">
      <h2 className="text-xl font-semibold">{caption}</h2>
      {rows.length === 0 ? (
        <p className="text-slate-600">None.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{caption}</caption>
            <ColumnHeads
              labels={[atLabel, "Kind", "Attempts", "Last error", "Id"]}
              className="bg-slate-50 text-left"
              cellClassName="px-3 py-2 font-semibold"
            />
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">{when(r.at)}</td>
                  <td className="px-3 py-2">{r.kind}</td>
                  <td className="px-3 py-2">{r.attempts}</td>
                  <td className="px-3 py-2 break-words">{r.lastError ?? ""}</td>
                  <td className="px-3 py-2 font-mono text-xs">{r.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
