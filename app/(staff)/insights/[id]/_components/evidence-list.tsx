import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { sessionClock } from "@/lib/domain/notes";
import type { InsightDetail } from "@/server/insights/get-insight";
import { removeEvidenceAction } from "../../actions";

const SOURCE = { survey: "Survey comment", room_note: "Room note", listening: "Listening log" } as const;
const QUOTING = {
  allowed: null,
  not_allowed: "The customer did not allow quoting — do not quote",
  not_on_record: "No consent to quote on record — do not quote",
} as const;

/**
 * Every piece of evidence, as staff may see it. A piece without the customer's consent to quote
 * is shown marked (never offered as a quote); a staff summary is marked as such.
 */
export function EvidenceList({ insight, canEdit }: { insight: InsightDetail; canEdit: boolean }) {
  return (
    <ul className="space-y-4">
      {insight.evidence.map((e) => {
        const warning = e.isSummary ? "A staff summary, not the customer's words" : QUOTING[e.quoting];
        return (
          <li key={e.id} className="space-y-1" data-evidence={e.source} data-quotable={e.quotable}>
            <blockquote
              className={`border-l-4 pl-3 ${e.quotable ? "border-blue-300 text-slate-900" : "border-amber-400 text-slate-800"}`}
            >
              {e.isSummary ? e.quote : `“${e.quote}”`}
            </blockquote>
            <p className="flex flex-wrap items-center gap-x-3 pl-4 text-xs text-slate-600">
              <span>{SOURCE[e.source]}</span>
              {e.session && (
                <Link
                  href={`/sessions/${e.session.id}/notes#note-room_note-${e.session.noteId}`}
                  className="underline"
                >
                  {e.session.title} at {sessionClock(e.session.atSeconds)}
                </Link>
              )}
              {!e.fromCustomer && <span>no customer linked</span>}
              {warning && (
                <strong
                  className="rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-950"
                  data-quote-warning
                >
                  {warning}
                </strong>
              )}
            </p>
            {canEdit && (
              <ActionForm action={removeEvidenceAction} className="pl-4">
                <input type="hidden" name="insightId" value={insight.id} />
                <input type="hidden" name="evidenceId" value={e.id} />
                <Button variant="ghost" className="min-h-8 px-2 py-1 text-xs">
                  Remove from evidence
                </Button>
              </ActionForm>
            )}
          </li>
        );
      })}
      {insight.evidence.length === 0 && <li className="text-slate-600">No evidence yet.</li>}
    </ul>
  );
}
