import type { ReactNode } from "react";

export function Card({
  title,
  children,
  actions,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-lg font-semibold">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <p className="text-sm text-slate-600">{label}</p>
      <p className="mt-1 text-3xl font-bold tabular-nums">{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-600">{hint}</p>}
    </div>
  );
}

const BADGE: Record<string, string> = {
  scheduled: "bg-blue-100 text-blue-900",
  live: "bg-green-100 text-green-900",
  ended: "bg-slate-200 text-slate-800",
  cancelled: "bg-red-100 text-red-900",
  draft: "bg-amber-100 text-amber-900",
  accepted: "bg-green-100 text-green-900",
  invited: "bg-blue-100 text-blue-900",
  declined: "bg-slate-200 text-slate-800",
  waitlisted: "bg-amber-100 text-amber-900",
  withdrawn: "bg-slate-200 text-slate-800",
  attended: "bg-green-100 text-green-900",
  no_show: "bg-red-100 text-red-900",
  open: "bg-blue-100 text-blue-900",
  in_progress: "bg-amber-100 text-amber-900",
  done: "bg-green-100 text-green-900",
  verified: "bg-emerald-200 text-emerald-900",
  overdue: "bg-red-100 text-red-900",
};

export function Badge({ status, children }: { status: string; children?: ReactNode }) {
  return (
    <span
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${BADGE[status] ?? "bg-slate-100"}`}
    >
      {children ?? status.replace("_", " ")}
    </span>
  );
}
