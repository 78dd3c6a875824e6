import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { formatDate } from "@/lib/dates";
import { LISTENING_CHANNEL_LABELS } from "@/lib/domain/listening";
import { sessionClock, type TriageNoteView } from "@/lib/domain/notes";

/**
 * Notes to triage, each with a box to select it; the selection becomes a new insight or joins an
 * existing one (a GET to /insights/from-notes, which asks before it changes anything). A note
 * already used shows the insights it backs.
 */
export function NoteTriageList({
  notes,
  insights,
  timeZone,
  canTriage = true,
  empty,
}: {
  notes: TriageNoteView[];
  insights: { id: string; title: string }[];
  timeZone: string;
  canTriage?: boolean;
  empty: string;
}) {
  if (!notes.length)
    return <p className="rounded-lg bg-white p-5 text-slate-600 ring-1 ring-slate-200">{empty}</p>;
  return (
    <form action="/insights/from-notes" method="get" className="space-y-4">
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        {notes.map((n) => {
          const id = `note-${n.ref.replace(":", "-")}`;
          return (
            <li key={n.ref} id={id} className="flex gap-3 p-4" data-note={n.ref}>
              {canTriage && (
                <input
                  type="checkbox"
                  name="evidence"
                  value={n.ref}
                  id={`${id}-pick`}
                  aria-labelledby={`${id}-text`}
                  className="mt-1 size-5 shrink-0 accent-blue-700"
                />
              )}
              <div className="min-w-0 flex-1 space-y-1">
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {n.atSeconds !== null ? (
                    <span title="Moment in the session">at {sessionClock(n.atSeconds)}</span>
                  ) : (
                    <>
                      {formatDate(n.heardAt, timeZone)} ·{" "}
                      {n.channel ? LISTENING_CHANNEL_LABELS[n.channel] : ""}
                    </>
                  )}{" "}
                  · {n.kind} · {n.author}
                </p>
                <p id={`${id}-text`} className={n.kind === "quote" ? "text-base" : "text-base italic"}>
                  {n.kind === "quote" ? `“${n.text}”` : n.text}
                </p>
                <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
                  {n.codes.map((c) => (
                    <span key={c.number} className="rounded bg-slate-100 px-1.5">
                      {c.number} · {c.label}
                    </span>
                  ))}
                  <span>feels {n.emotion}</span>
                  {n.contact !== "unknown" && <span>{n.contact} contact</span>}
                  {n.department && <span>caused by {n.department}</span>}
                  {n.customer && <span>customer: {n.customer}</span>}
                </p>
                {n.insights.length > 0 ? (
                  <p className="text-sm text-green-900">
                    Evidence for{" "}
                    {n.insights.map((i, k) => (
                      <span key={i.id}>
                        {k > 0 && ", "}
                        <Link href={`/insights/${i.id}`} className="underline">
                          {i.title}
                        </Link>
                      </span>
                    ))}
                  </p>
                ) : (
                  <p className="text-sm font-medium text-amber-900">Not triaged yet</p>
                )}
                {canTriage && (
                  <Link
                    href={`/insights/new?evidence=${encodeURIComponent(n.ref)}`}
                    className="text-sm text-blue-800 underline"
                  >
                    New insight from this note
                  </Link>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {canTriage && (
        <fieldset className="flex flex-wrap items-end gap-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <legend className="sr-only">With the selected notes</legend>
          <button type="submit" name="to" value="new" className={buttonClass()}>
            New insight from selected
          </button>
          <div>
            <label htmlFor="attach-to" className="block text-sm font-medium">
              or add them to
            </label>
            <select
              id="attach-to"
              name="insight"
              className="mt-1 block rounded-md border border-slate-400 bg-white px-3 py-2"
            >
              {insights.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="to" value="existing" className={buttonClass("secondary")}>
            Add to this insight
          </button>
        </fieldset>
      )}
    </form>
  );
}
