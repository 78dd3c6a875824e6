import Link from "next/link";
import type { StaffActor } from "@/server/auth/actor";
import { sessionsInRange } from "@/server/sessions/list-sessions";
import { type SessionQuery, sessionsHref } from "./session-filters";

const DAY = 86_400_000;
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** The month as the viewer's calendar: weeks from Monday, in their time zone. */
export async function SessionCalendar({ actor, query }: { actor: StaffActor; query: SessionQuery }) {
  const now = new Date();
  const [y, m] = /^\d{4}-\d{2}$/.test(query.month ?? "")
    ? (query.month as string).split("-").map(Number)
    : [now.getUTCFullYear(), now.getUTCMonth() + 1];
  const year = y ?? now.getUTCFullYear();
  const month = (m ?? 1) - 1;
  const first = Date.UTC(year, month, 1);
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const gridStart = first - lead * DAY;
  const days = Math.ceil((lead + new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) / 7) * 7;
  // A day either side, so sessions near midnight in the viewer's zone land on the right day.
  const sessions = await sessionsInRange(
    actor,
    { from: new Date(gridStart - DAY), to: new Date(gridStart + (days + 1) * DAY) },
    query,
  );
  const dayKey = new Intl.DateTimeFormat("en-CA", {
    timeZone: actor.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: actor.timeZone,
    hour: "2-digit",
    minute: "2-digit",
  });
  const byDay = new Map<string, typeof sessions>();
  for (const s of sessions) {
    const k = dayKey.format(s.startsAt);
    byDay.set(k, [...(byDay.get(k) ?? []), s]);
  }
  const title = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    first,
  );
  const monthParam = (d: number) => {
    const x = new Date(d);
    return `${x.getUTCFullYear()}-${String(x.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  const today = dayKey.format(now);
  return (
    <section aria-labelledby="calendar-title" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <Link
          href={sessionsHref(query, { month: monthParam(Date.UTC(year, month - 1, 1)) })}
          className="text-sm font-medium text-blue-800 underline"
        >
          ← Previous<span className="sr-only"> month</span>
        </Link>
        <h2 id="calendar-title" className="text-xl font-semibold">
          {title}
        </h2>
        <Link
          href={sessionsHref(query, { month: monthParam(Date.UTC(year, month + 1, 1)) })}
          className="text-sm font-medium text-blue-800 underline"
        >
          Next<span className="sr-only"> month</span> →
        </Link>
      </div>
      <ol className="grid grid-cols-1 gap-px overflow-hidden rounded-lg bg-slate-200 ring-1 ring-slate-200 sm:grid-cols-7">
        {WEEKDAYS.map((w) => (
          <li
            key={w}
            aria-hidden="true"
            className="hidden bg-slate-50 px-2 py-1 text-xs font-semibold text-slate-600 sm:block"
          >
            {w}
          </li>
        ))}
        {Array.from({ length: days }, (_, i) => {
          const d = gridStart + i * DAY;
          const k = new Date(d).toISOString().slice(0, 10);
          const inMonth = new Date(d).getUTCMonth() === month;
          const list = byDay.get(k) ?? [];
          const label = new Intl.DateTimeFormat("en-GB", {
            weekday: "long",
            day: "numeric",
            month: "long",
            timeZone: "UTC",
          }).format(d);
          return (
            <li
              key={k}
              className={`min-h-20 bg-white p-2 ${inMonth ? "" : "hidden bg-slate-50 text-slate-500 sm:block"} ${list.length === 0 ? "max-sm:hidden" : ""}`}
            >
              <p className={`text-xs font-semibold ${k === today ? "text-blue-800" : ""}`}>
                <span className="sm:hidden">{label}</span>
                <span className="hidden sm:inline">{new Date(d).getUTCDate()}</span>
                {k === today && <span className="sr-only"> (today)</span>}
              </p>
              <ul className="mt-1 space-y-1">
                {list.map((s) => (
                  <li key={s.id} className="text-xs">
                    <Link
                      href={`/sessions/${s.id}`}
                      className={`block rounded px-1 py-0.5 hover:underline ${s.status === "cancelled" ? "bg-red-50 text-red-900 line-through" : "bg-blue-50 text-blue-900"}`}
                    >
                      {time.format(s.startsAt)} {s.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-slate-600">Times in {actor.timeZone}.</p>
    </section>
  );
}
