"use client";

import type { QuestionAction } from "@/lib/domain/backroom";
import type { QuestionView } from "@/lib/domain/backroom-views";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { mergeQuestionsAction, questionAction } from "../actions";
import { type ApplyQuestions, btn } from "./room-ui";

/** One open question with its up-vote, and the facilitator's approve / asked / dismiss / merge. */
export function OpenQuestion({
  question: q,
  open,
  view,
  votes,
  apply,
}: {
  question: QuestionView;
  /** Every open question: the ones this one can be merged into. */
  open: QuestionView[];
  view: StaffRoomView;
  votes: string;
  apply: ApplyQuestions;
}) {
  const sessionId = view.session.id;
  const act = async (action: QuestionAction) =>
    apply(await questionAction({ sessionId, questionId: q.id, action }));
  return (
    <li data-question={q.status} className="space-y-1 rounded-md bg-white p-2 ring-1 ring-slate-200">
      <p>
        <span className="font-medium">{q.text}</span>{" "}
        <span className="text-sm text-slate-600">
          — {q.authorName}, {votes}, {q.status}
        </span>
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={btn}
          disabled={q.voterIds.includes(view.me.userId)}
          onClick={() => act("vote")}
        >
          Up-vote
        </button>
        {view.canModerate && (
          <>
            {q.status === "submitted" && (
              <button type="button" className={btn} onClick={() => act("approve")}>
                Approve
              </button>
            )}
            <button type="button" className={btn} onClick={() => act("asked")}>
              Mark asked
            </button>
            <button type="button" className={btn} onClick={() => act("dismiss")}>
              Dismiss
            </button>
            {open.length > 1 && (
              <select
                aria-label={`Merge “${q.text}” into`}
                className="rounded-md border border-slate-300 p-1 text-sm"
                value=""
                onChange={async (e) =>
                  e.target.value &&
                  apply(await mergeQuestionsAction({ sessionId, questionId: q.id, intoId: e.target.value }))
                }
              >
                <option value="">Merge into…</option>
                {open
                  .filter((o) => o.id !== q.id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.text}
                    </option>
                  ))}
              </select>
            )}
          </>
        )}
      </div>
    </li>
  );
}
