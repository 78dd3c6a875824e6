import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { digestSubscribed } from "@/server/analytics/digest/subscription";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import type { HomeAction } from "@/server/home/staff-home";
import { staffHome } from "@/server/home/staff-home";
import { DigestToggle } from "./dashboard/_components/digest-toggle";
import { FORMAT_LABELS } from "./sessions/format-labels";

export const metadata: Metadata = { title: "Home" };

const link = "font-medium text-blue-800 underline underline-offset-2";

function ActionList({
  rows,
  now,
  timeZone,
  empty,
}: {
  rows: HomeAction[];
  now: number;
  timeZone: string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-sm">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {rows.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
          <span>
            <Link href={`/actions/${a.id}`} className={link}>
              {a.title}
            </Link>
            <span className="block text-slate-600">
              {a.departmentName} · {a.ownerName}
            </span>
          </span>
          <span className="flex items-center gap-2">
            {a.deadline < now && a.status !== "done" ? (
              <Badge status="overdue">overdue</Badge>
            ) : (
              <Badge status={a.status} />
            )}
            <span className="text-slate-700">due {formatDateTime(new Date(a.deadline), timeZone)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Where each role starts: executives the dashboard, everyone else their own day's work. */
export default async function Home() {
  const actor = await requireStaffPage();
  if (actor.role === "executive") redirect("/dashboard");
  const h = await staffHome(actor);
  const tz = actor.timeZone;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Good to see you, {actor.name.split(" ")[0]}</h1>
      {can(actor, "digest.subscribe") && <DigestToggle subscribed={await digestSubscribed(actor)} />}
      {actor.role === "admin" && (
        <Card title="Administration">
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
            <li>
              <Link href="/dashboard" className={link}>
                Dashboard
              </Link>
            </li>
            <li>
              <Link href="/customers" className={link}>
                Customer directory
              </Link>
            </li>
            <li>
              <Link href="/sessions?view=all" className={link}>
                All sessions
              </Link>
            </li>
            <li>
              <Link href="/actions" className={link}>
                All actions
              </Link>
            </li>
            {can(actor, "mailbox.read") && (
              <li>
                <Link href="/mailbox" className={link}>
                  Mailbox and outbox
                </Link>
              </li>
            )}
          </ul>
        </Card>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={actor.role === "agent" ? "Sessions you attend" : "Your upcoming sessions"}
          actions={
            <Link href="/sessions" className={`${link} text-sm`}>
              All upcoming
            </Link>
          }
        >
          {h.upcoming.length === 0 ? (
            <p className="text-sm">Nothing coming up.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {h.upcoming.map((s) => (
                <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link href={`/sessions/${s.id}`} className={link}>
                      {s.title}
                    </Link>
                    <span className="block text-slate-600">
                      {FORMAT_LABELS[s.format] ?? s.format} · {formatDateTime(new Date(s.startsAt), tz)}
                    </span>
                  </span>
                  {Boolean(s.briefing) && can(actor, "session.create") && (
                    <Link href={`/sessions/${s.id}/briefing`} className={link}>
                      Prepare: read the briefing
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {h.triage && (
          <Card title="Waiting for triage">
            <ul className="space-y-2 text-sm">
              <li>
                <span className="text-2xl font-bold tabular-nums">{h.triage.notes}</span> room notes without a
                reason code
              </li>
              <li>
                <span className="text-2xl font-bold tabular-nums">{h.triage.comments}</span> survey comments
                not yet used as evidence —{" "}
                <Link href="/insights/new" className={link}>
                  turn them into insights
                </Link>
              </li>
            </ul>
          </Card>
        )}
        {h.toVerify.length > 0 || can(actor, "action.verify") ? (
          <Card title="Actions to verify">
            <ActionList
              rows={h.toVerify}
              now={h.now}
              timeZone={tz}
              empty="Nothing is waiting for verification."
            />
          </Card>
        ) : null}
        <Card title={h.isHead ? "Due and overdue in your departments" : "Due and overdue for you"}>
          <ActionList rows={h.due} now={h.now} timeZone={tz} empty="Nothing due this week." />
        </Card>
        {h.departmentActions.length > 0 && (
          <Card title="Your department's open actions">
            <ActionList rows={h.departmentActions} now={h.now} timeZone={tz} empty="" />
          </Card>
        )}
      </div>
    </div>
  );
}
