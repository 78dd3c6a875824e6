"use client";

import { useState } from "react";
import type { QuestionView } from "@/lib/domain/backroom-views";
import type { StaffRoomView } from "@/lib/domain/staff-room-view";
import { submitQuestionAction } from "../actions";
import { OpenQuestion } from "./open-question";
import { ReadOutNext } from "./read-out-next";
import { type ApplyQuestions, btn, type Report } from "./room-ui";

const votes = (q: QuestionView) => `${q.voterIds.length} vote${q.voterIds.length === 1 ? "" : "s"}`;

/** The staff-only question queue: submit, up-vote, and (for the facilitator) approve, ask, merge. */
export function QuestionQueue({
  view,
  questions,
  onQuestions,
  report,
}: {
  view: StaffRoomView;
  questions: QuestionView[];
  onQuestions: (q: QuestionView[]) => void;
  report: Report;
}) {
  const [text, setText] = useState("");
  const sessionId = view.session.id;
  const open = questions
    .filter((q) => q.status === "submitted" || q.status === "approved")
    .sort((a, b) => b.voterIds.length - a.voterIds.length || a.createdAt - b.createdAt);
  const asked = questions.filter((q) => q.status === "asked").sort((a, b) => a.createdAt - b.createdAt);
  const closed = questions.filter((q) => q.status === "merged" || q.status === "dismissed");
  const apply: ApplyQuestions = (res) => {
    report(res);
    if (res.ok) onQuestions(Array.isArray(res.data) ? res.data : [res.data]);
  };
  return (
    <div className="space-y-3">
      <h3 className="font-semibold">Question queue</h3>
      {view.canModerate && (
        <ReadOutNext
          sessionId={sessionId}
          approved={open.filter((q) => q.status === "approved")}
          apply={apply}
        />
      )}
      <form
        className="flex gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await submitQuestionAction({ sessionId, text });
          apply(res);
          if (res.ok) setText("");
        }}
      >
        <label htmlFor="q-text" className="sr-only">
          Question for the guests
        </label>
        <input
          id="q-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Question for the guests"
          className="min-h-9 flex-1 rounded-md border border-slate-300 px-2"
        />
        <button type="submit" className={btn}>
          Submit question
        </button>
      </form>
      <ol className="space-y-2" aria-label="Open questions">
        {open.map((q) => (
          <OpenQuestion key={q.id} question={q} open={open} view={view} votes={votes(q)} apply={apply} />
        ))}
      </ol>
      {asked.length > 0 && (
        <div>
          <h4 className="text-sm font-semibold">Asked</h4>
          <ul className="space-y-1" aria-label="Asked questions">
            {asked.map((q) => (
              <li key={q.id} data-question="asked" className="text-sm">
                <span>{q.text}</span>{" "}
                <span className="text-slate-600">
                  — {q.authorName}, {votes(q)}, asked
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {closed.length > 0 && (
        <details>
          <summary className="text-sm">Merged and dismissed ({closed.length})</summary>
          <ul className="text-sm text-slate-600">
            {closed.map((q) => (
              <li key={q.id}>
                {q.text} — {q.status}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
