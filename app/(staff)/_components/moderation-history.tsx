import { formatDate } from "@/lib/dates";
import type { ModerationHistoryItem } from "@/server/rooms/moderation/moderation-history";
import { CATEGORY_LABEL, STEP_LABEL } from "../sessions/[id]/room/_components/room-ui";

export type ModerationHistoryRow = Omit<ModerationHistoryItem, "sessionId">;

/**
 * A customer's warnings and removals from past sessions, for the record and the briefing: so the
 * next facilitator is prepared (and can give the person a fair fresh start, knowingly).
 */
export function ModerationHistory({
  rows,
  timeZone,
  empty = "No warnings or removals on record.",
}: {
  rows: ModerationHistoryRow[];
  timeZone: string;
  empty?: string | null;
}) {
  if (rows.length === 0) return empty ? <p className="text-sm text-slate-600">{empty}</p> : null;
  return (
    <ul aria-label="Moderation history" className="space-y-1 text-sm" data-moderation-history={rows.length}>
      {rows.map((r) => (
        <li key={r.id} className="rounded-md bg-amber-50 px-2 py-1 text-amber-950">
          <span className="font-semibold">{STEP_LABEL[r.step]}</span> for {CATEGORY_LABEL[r.category]} ·{" "}
          {r.sessionTitle} · {formatDate(r.at, timeZone)} · by {r.actedByName}
          {r.note && <span className="block text-amber-900">“{r.note}”</span>}
        </li>
      ))}
    </ul>
  );
}
