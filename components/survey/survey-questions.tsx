"use client";

import {
  type AnswerError,
  type AnswerValue,
  SCALES,
  type SurveyAnswers,
  type SurveyQuestionView,
} from "@/lib/domain/surveys";
import { visibleQuestions } from "@/lib/survey-logic";

/** The survey's own words, in the page's language (from messages/*.json "survey"). */
export type SurveyLabels = {
  progress: string;
  required: string;
  optional: string;
  csat: [string, string, string, string, string];
  npsLow: string;
  npsHigh: string;
  cesLow: string;
  cesHigh: string;
  chooseAll: string;
  errors: Record<AnswerError, string>;
};

const radio = "peer sr-only";
const pill =
  "flex min-h-12 min-w-11 cursor-pointer items-center justify-center rounded-md border border-slate-500 bg-white px-2 text-base font-semibold text-slate-900 peer-checked:border-blue-700 peer-checked:bg-blue-700 peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-700";

/**
 * Every question shown for the answers so far, on one page (docs/decisions: one page, not one
 * question per screen). Conditional questions appear as soon as the earlier answer matches.
 * Used by the survey page and by the template builder's preview, so staff see what customers see.
 */
export function SurveyQuestions({
  questions,
  answers,
  errors,
  labels,
  onAnswer,
  idPrefix = "q",
}: {
  questions: readonly SurveyQuestionView[];
  answers: SurveyAnswers;
  errors: Record<string, AnswerError>;
  labels: SurveyLabels;
  onAnswer: (id: string, value: AnswerValue | undefined) => void;
  idPrefix?: string;
}) {
  const shown = visibleQuestions(questions, answers);
  return (
    <div className="space-y-8">
      {shown.map((q, i) => {
        const id = `${idPrefix}-${q.id}`;
        const error = errors[q.id];
        const described = [error ? `${id}-error` : "", q.type === "multiple" ? `${id}-hint` : ""]
          .filter(Boolean)
          .join(" ");
        return (
          <fieldset
            key={q.id}
            id={id}
            data-question={q.id}
            aria-describedby={described || undefined}
            aria-invalid={error ? true : undefined}
            className={`rounded-lg p-1 ${error ? "ring-2 ring-red-700 ring-offset-4" : ""}`}
            tabIndex={-1}
          >
            <legend id={`${id}-legend`} className="text-lg font-semibold text-slate-900">
              <span className="mr-2 text-slate-600">{i + 1}.</span>
              {q.label}{" "}
              <span className="text-sm font-normal text-slate-700">
                ({q.required ? labels.required : labels.optional})
              </span>
            </legend>
            <div className="mt-3">
              <Control q={q} id={id} value={answers[q.id]} labels={labels} onAnswer={onAnswer} />
            </div>
            {error ? (
              <p id={`${id}-error`} className="mt-2 font-medium text-red-800">
                {labels.errors[error]}
              </p>
            ) : null}
          </fieldset>
        );
      })}
    </div>
  );
}

function Scale({
  id,
  name,
  from,
  to,
  value,
  onPick,
  caption,
  ends,
}: {
  id: string;
  name: string;
  from: number;
  to: number;
  value: AnswerValue | undefined;
  onPick: (n: number) => void;
  caption?: (n: number) => string;
  ends?: [string, string];
}) {
  const nums = Array.from({ length: to - from + 1 }, (_, k) => from + k);
  return (
    <>
      <div className={caption ? "flex flex-col gap-2" : "flex flex-wrap gap-2"}>
        {nums.map((n) => (
          <div key={n}>
            <input
              type="radio"
              name={name}
              id={`${id}-${n}`}
              value={n}
              checked={value === n}
              onChange={() => onPick(n)}
              className={radio}
            />
            <label
              htmlFor={`${id}-${n}`}
              className={`${pill} ${caption ? "justify-start px-4 text-left" : ""}`}
            >
              {caption ? `${n} · ${caption(n)}` : n}
            </label>
          </div>
        ))}
      </div>
      {ends ? (
        <p className="mt-2 flex justify-between gap-4 text-sm text-slate-700">
          <span>
            {from} = {ends[0]}
          </span>
          <span className="text-right">
            {to} = {ends[1]}
          </span>
        </p>
      ) : null}
    </>
  );
}

function Control({
  q,
  id,
  value,
  labels,
  onAnswer,
}: {
  q: SurveyQuestionView;
  id: string;
  value: AnswerValue | undefined;
  labels: SurveyLabels;
  onAnswer: (id: string, value: AnswerValue | undefined) => void;
}) {
  const pick = (n: number) => onAnswer(q.id, n);
  switch (q.type) {
    case "csat":
    case "nps":
    case "ces": {
      const ends: Record<"nps" | "ces", [string, string]> = {
        nps: [labels.npsLow, labels.npsHigh],
        ces: [labels.cesLow, labels.cesHigh],
      };
      return (
        <Scale
          id={id}
          name={id}
          from={SCALES[q.type].min}
          to={SCALES[q.type].max}
          value={value}
          onPick={pick}
          caption={q.type === "csat" ? (n) => labels.csat[n - 1] ?? "" : undefined}
          ends={q.type === "csat" ? undefined : ends[q.type]}
        />
      );
    }
    case "single":
      return (
        <div className="space-y-2">
          {q.options.map((o) => (
            <label
              key={o.id}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 bg-white px-3"
            >
              <input
                type="radio"
                name={id}
                value={o.id}
                checked={value === o.id}
                onChange={() => onAnswer(q.id, o.id)}
                className="size-5 accent-blue-700"
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      );
    case "multiple": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <>
          <p id={`${id}-hint`} className="mb-2 text-sm text-slate-700">
            {labels.chooseAll}
          </p>
          <div className="space-y-2">
            {q.options.map((o) => (
              <label
                key={o.id}
                className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-slate-400 bg-white px-3"
              >
                <input
                  type="checkbox"
                  name={id}
                  value={o.id}
                  checked={chosen.includes(o.id)}
                  onChange={(e) => {
                    const next = e.target.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id);
                    onAnswer(q.id, next.length ? next : undefined);
                  }}
                  className="size-5 accent-blue-700"
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </>
      );
    }
    case "text":
      return (
        <textarea
          id={`${id}-text`}
          aria-labelledby={`${id}-legend`}
          value={typeof value === "string" ? value : ""}
          maxLength={5000}
          rows={4}
          onChange={(e) => onAnswer(q.id, e.target.value === "" ? undefined : e.target.value)}
          className="block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900"
        />
      );
  }
}
