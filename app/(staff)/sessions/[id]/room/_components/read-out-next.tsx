"use client";

import type { QuestionView } from "@/lib/domain/backroom-views";
import { questionAction } from "../actions";
import { type ApplyQuestions, btn } from "./room-ui";

/**
 * Approved questions for the facilitator to read out, most up-voted first. Nothing from the
 * queue is ever sent to guests: they hear a question only when it is read out.
 */
export function ReadOutNext({
  sessionId,
  approved,
  apply,
}: {
  sessionId: string;
  approved: QuestionView[];
  apply: ApplyQuestions;
}) {
  return (
    <div className="rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
      <h4 className="font-semibold">Read out next</h4>
      <p className="text-sm text-slate-700">
        Approved questions, most up-voted first. Guests hear them only when you read them out.
      </p>
      {approved.length === 0 ? (
        <p className="text-sm text-slate-600">No approved questions yet.</p>
      ) : (
        <ol className="mt-2 list-decimal space-y-1 pl-6" aria-label="Read out next">
          {approved.map((q) => (
            <li key={q.id} data-read-out={q.id}>
              <span className="font-medium">{q.text}</span>{" "}
              <button
                type="button"
                className={btn}
                onClick={async () =>
                  apply(await questionAction({ sessionId, questionId: q.id, action: "asked" }))
                }
              >
                Read it out (moves to asked)
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
