import { formatDateTime } from "@/lib/dates";
import { ACTION_STATUS_LABELS, type ActionEventKind, type ActionStatus } from "@/lib/domain/action-statuses";

export type TimelineEntry = {
  id: string;
  kind: ActionEventKind;
  fromStatus: ActionStatus | null;
  toStatus: ActionStatus;
  note: string | null;
  at: Date;
  actor: string | null;
};

const status = (s: ActionStatus) => ACTION_STATUS_LABELS[s].toLowerCase();

function what(e: TimelineEntry): string {
  switch (e.kind) {
    case "status":
      if (!e.fromStatus) return `created it as ${status(e.toStatus)}`;
      if (e.toStatus === "open" && (e.fromStatus === "done" || e.fromStatus === "verified"))
        return `reopened it (was ${status(e.fromStatus)})`;
      return `moved it from ${status(e.fromStatus)} to ${status(e.toStatus)}`;
    case "edit":
      return "edited it";
    case "comment":
      return "commented";
    case "evidence":
      return "added evidence";
    case "reminder":
      return "reminded the owner";
    case "escalated_head":
      return "escalated it to the department head";
    case "escalated_executives":
      return "escalated it to the executives";
    case "customers_told":
      return "told the customers what changed";
  }
}

/** Everything that happened to an action, newest first; system entries are named as such. */
export function ActionTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  return (
    <ol className="space-y-4">
      {entries.map((e) => (
        <li key={e.id} className="border-l-4 border-slate-200 pl-3 text-sm" data-kind={e.kind}>
          <p>
            <span className="font-medium">{e.actor ?? "Immersion"}</span> {what(e)}
            <span className="text-slate-600"> · {formatDateTime(e.at, timeZone)}</span>
          </p>
          {e.note && <p className="mt-1 whitespace-pre-line text-slate-700">{e.note}</p>}
        </li>
      ))}
    </ol>
  );
}
