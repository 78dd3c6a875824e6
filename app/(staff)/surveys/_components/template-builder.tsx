"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type SurveyLabels, SurveyQuestions } from "@/components/survey/survey-questions";
import { buttonClass } from "@/components/ui/button";
import type { Language } from "@/lib/domain/languages";
import type { SessionFormat } from "@/lib/domain/sessions";
import {
  type ConditionOp,
  isScale,
  QUESTION_TYPES,
  type QuestionType,
  SCALES,
  type SurveyAnswers,
  type SurveyQuestion,
  type Wording,
} from "@/lib/domain/surveys";
import { localizeQuestions, missingLanguages } from "@/lib/survey-logic";
import { saveTemplateAction } from "../actions";

const TYPE_LABELS: Record<QuestionType, string> = {
  csat: "CSAT (1–5)",
  nps: "NPS (0–10)",
  ces: "CES (1–7, 7 = very easy)",
  single: "Single choice",
  multiple: "Multiple choice",
  text: "Free text",
};
const LANGS: { code: Language; name: string }[] = [
  { code: "en", name: "English" },
  { code: "zh", name: "简体中文" },
  { code: "vi", name: "Tiếng Việt" },
];
const OPS: Record<ConditionOp, string> = {
  lte: "is at most",
  gte: "is at least",
  eq: "is",
  includes: "includes",
};

const input =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm";

function WordingFields({
  value,
  onChange,
  idBase,
  what,
}: {
  value: Wording;
  onChange: (w: Wording) => void;
  idBase: string;
  what: string;
}) {
  return (
    // One language a line, the full width: side by side, three narrow inputs cut a question off
    // after a few words and the wording could not be read back.
    <div className="grid gap-2">
      {LANGS.map((l) => {
        const v = (l.code === "en" ? value.en : value[l.code]) ?? "";
        const missing = l.code !== "en" && !v.trim();
        return (
          <div key={l.code}>
            <label
              htmlFor={`${idBase}-${l.code}`}
              className="flex items-center gap-2 text-xs font-medium text-slate-800"
            >
              {what} · {l.name}
              {missing ? (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[11px] font-semibold text-amber-900">
                  Missing translation — customers see English
                </span>
              ) : null}
            </label>
            <input
              id={`${idBase}-${l.code}`}
              lang={l.code}
              value={v}
              onChange={(e) => onChange({ ...value, [l.code]: e.target.value })}
              className={`${input} ${missing ? "border-amber-500 bg-amber-50" : ""}`}
            />
          </div>
        );
      })}
    </div>
  );
}

/** A key not taken yet in this list (q1, q2… for questions, o1, o2… for options). */
const newKey = (taken: readonly { id: string }[], prefix = "q") => {
  let n = taken.length;
  let k = "";
  do k = `${prefix}${++n}`;
  while (taken.some((q) => q.id === k));
  return k;
};

/**
 * The template builder: questions of every kind, required or not, conditions on earlier answers,
 * the wording in three languages (a missing one is marked: customers then read English), and a
 * live preview as the customer will see it, in each language and in large text.
 */
export function TemplateBuilder({
  initial,
  formats,
  labels,
}: {
  initial: {
    id?: string;
    name: string;
    questions: SurveyQuestion[];
    defaultFor: SessionFormat[];
    version?: number;
  };
  formats: { value: SessionFormat; label: string }[];
  labels: Record<Language, SurveyLabels>;
}) {
  const router = useRouter();
  const [name, setName] = useState(initial.name);
  const [questions, setQuestions] = useState<SurveyQuestion[]>(initial.questions);
  const [defaultFor, setDefaultFor] = useState<SessionFormat[]>(initial.defaultFor);
  const [lang, setLang] = useState<Language>("en");
  const [large, setLarge] = useState(false);
  const [preview, setPreview] = useState<SurveyAnswers>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (i: number, q: Partial<SurveyQuestion>) =>
    setQuestions((qs) => qs.map((x, k) => (k === i ? ({ ...x, ...q } as SurveyQuestion) : x)));
  const move = (i: number, by: number) =>
    setQuestions((qs) => {
      const j = i + by;
      if (j < 0 || j >= qs.length) return qs;
      const copy = [...qs];
      [copy[i], copy[j]] = [copy[j] as SurveyQuestion, copy[i] as SurveyQuestion];
      return copy;
    });
  const add = (type: QuestionType) =>
    setQuestions((qs) => [
      ...qs,
      {
        id: newKey(qs),
        type,
        required: false,
        text: { en: "" },
        ...(type === "single" || type === "multiple"
          ? {
              options: [
                { id: "a", text: { en: "" } },
                { id: "b", text: { en: "" } },
              ],
            }
          : {}),
      },
    ]);

  async function save() {
    setSaving(true);
    setMessage(null);
    const r = await saveTemplateAction({
      ...(initial.id ? { templateId: initial.id } : {}),
      name,
      questions,
      defaultFor,
    });
    setSaving(false);
    if (!r.ok) {
      setMessage({ ok: false, text: r.message });
      return;
    }
    const { id, version, newVersion } = r.data;
    setMessage({
      ok: true,
      text:
        newVersion && version > 1
          ? `Saved as version ${version}. The previous version was already sent, so its answers keep pointing at it.`
          : `Saved (version ${version}).`,
    });
    if (!initial.id) router.push(`/surveys/templates/${id}`);
    else router.refresh();
  }

  const missingCount = questions.filter((q) => missingLanguages(q, ["zh", "vi"]).length).length;
  const views = localizeQuestions(
    questions.filter((q) => q.text.en.trim()),
    lang,
  );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="space-y-4">
        <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <label htmlFor="tpl-name" className="text-sm font-medium">
            Template name
          </label>
          <input id="tpl-name" value={name} onChange={(e) => setName(e.target.value)} className={input} />
          <fieldset className="mt-4">
            <legend className="text-sm font-medium">Default survey for these formats</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {formats.map((f) => (
                <label key={f.value} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={defaultFor.includes(f.value)}
                    onChange={(e) =>
                      setDefaultFor((d) =>
                        e.target.checked ? [...d, f.value] : d.filter((x) => x !== f.value),
                      )
                    }
                    className="size-4 accent-blue-700"
                  />
                  {f.label}
                </label>
              ))}
            </div>
          </fieldset>
          {missingCount ? (
            <p className="mt-3 rounded bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {missingCount} question{missingCount === 1 ? " lacks" : "s lack"} a translation. Customers
              reading that language see the English wording there.
            </p>
          ) : null}
        </div>

        {questions.map((q, i) => {
          const earlier = questions.slice(0, i);
          const cond = q.showIf;
          const condTarget = earlier.find((e) => e.id === cond?.questionId);
          return (
            <section
              key={q.id}
              aria-labelledby={`qh-${q.id}`}
              className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 id={`qh-${q.id}`} className="font-semibold">
                  Question {i + 1} <span className="font-normal text-slate-600">({q.id})</span>
                </h3>
                <div className="flex gap-1">
                  <button
                    type="button"
                    className={buttonClass("ghost")}
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                  >
                    Up<span className="sr-only"> question {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    className={buttonClass("ghost")}
                    onClick={() => move(i, 1)}
                    disabled={i === questions.length - 1}
                  >
                    Down<span className="sr-only"> question {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    className={buttonClass("ghost", "text-red-800")}
                    onClick={() => setQuestions((qs) => qs.filter((_, k) => k !== i))}
                  >
                    Remove<span className="sr-only"> question {i + 1}</span>
                  </button>
                </div>
              </div>
              <div className="flex flex-wrap items-end gap-4">
                <div>
                  <label htmlFor={`type-${q.id}`} className="text-xs font-medium">
                    Kind
                  </label>
                  <select
                    id={`type-${q.id}`}
                    value={q.type}
                    onChange={(e) => {
                      const type = e.target.value as QuestionType;
                      const choice = type === "single" || type === "multiple";
                      update(i, {
                        type,
                        options: choice
                          ? (q.options ?? [
                              { id: "a", text: { en: "" } },
                              { id: "b", text: { en: "" } },
                            ])
                          : undefined,
                      });
                    }}
                    className={input}
                  >
                    {QUESTION_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {TYPE_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </div>
                <label className="flex items-center gap-2 pb-2 text-sm">
                  <input
                    type="checkbox"
                    checked={q.required}
                    onChange={(e) => update(i, { required: e.target.checked })}
                    className="size-4 accent-blue-700"
                  />
                  Required
                </label>
              </div>
              <WordingFields
                idBase={`text-${q.id}`}
                what="Question"
                value={q.text}
                onChange={(text) => update(i, { text })}
              />
              {q.options ? (
                <div className="space-y-2 border-l-4 border-slate-200 pl-3">
                  {q.options.map((o, k) => (
                    <div key={o.id} className="space-y-1">
                      <WordingFields
                        idBase={`opt-${q.id}-${o.id}`}
                        what={`Option ${k + 1}`}
                        value={o.text}
                        onChange={(text) =>
                          update(i, { options: q.options?.map((x) => (x.id === o.id ? { ...x, text } : x)) })
                        }
                      />
                      {(q.options?.length ?? 0) > 2 ? (
                        <button
                          type="button"
                          className="text-xs font-semibold text-red-800 underline"
                          onClick={() => update(i, { options: q.options?.filter((x) => x.id !== o.id) })}
                        >
                          Remove option {k + 1}
                        </button>
                      ) : null}
                    </div>
                  ))}
                  <button
                    type="button"
                    className={buttonClass("secondary")}
                    onClick={() =>
                      update(i, {
                        options: [
                          ...(q.options ?? []),
                          { id: newKey(q.options ?? [], "o"), text: { en: "" } },
                        ],
                      })
                    }
                  >
                    Add option
                  </button>
                </div>
              ) : null}
              {earlier.length ? (
                <fieldset className="rounded-md bg-slate-50 p-3">
                  <legend className="text-xs font-medium">Show only when…</legend>
                  <div className="flex flex-wrap items-end gap-2">
                    <select
                      aria-label={`Question ${i + 1}: show only when this earlier question`}
                      value={cond?.questionId ?? ""}
                      onChange={(e) => {
                        const target = earlier.find((x) => x.id === e.target.value);
                        if (!target) return update(i, { showIf: undefined });
                        const scale = isScale(target.type);
                        update(i, {
                          showIf: {
                            questionId: target.id,
                            op: scale ? "lte" : target.type === "multiple" ? "includes" : "eq",
                            value: scale
                              ? SCALES[target.type as keyof typeof SCALES].min + 1
                              : (target.options?.[0]?.id ?? ""),
                          },
                        });
                      }}
                      className={input}
                    >
                      <option value="">Always shown</option>
                      {earlier
                        .filter((e) => e.type !== "text")
                        .map((e) => (
                          <option key={e.id} value={e.id}>
                            {questions.indexOf(e) + 1}. {e.text.en || "(no wording yet)"}
                          </option>
                        ))}
                    </select>
                    {cond && condTarget ? (
                      <>
                        <select
                          aria-label={`Question ${i + 1}: comparison`}
                          value={cond.op}
                          onChange={(e) =>
                            update(i, { showIf: { ...cond, op: e.target.value as ConditionOp } })
                          }
                          className={input}
                        >
                          {(isScale(condTarget.type)
                            ? (["lte", "gte", "eq"] as const)
                            : condTarget.type === "multiple"
                              ? (["includes"] as const)
                              : (["eq"] as const)
                          ).map((op) => (
                            <option key={op} value={op}>
                              {OPS[op]}
                            </option>
                          ))}
                        </select>
                        {isScale(condTarget.type) ? (
                          <input
                            type="number"
                            aria-label={`Question ${i + 1}: value`}
                            value={Number(cond.value)}
                            min={SCALES[condTarget.type as keyof typeof SCALES].min}
                            max={SCALES[condTarget.type as keyof typeof SCALES].max}
                            onChange={(e) =>
                              update(i, { showIf: { ...cond, value: Number(e.target.value) } })
                            }
                            className={`${input} w-24`}
                          />
                        ) : (
                          <select
                            aria-label={`Question ${i + 1}: answer`}
                            value={String(cond.value)}
                            onChange={(e) => update(i, { showIf: { ...cond, value: e.target.value } })}
                            className={input}
                          >
                            {condTarget.options?.map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.text.en || o.id}
                              </option>
                            ))}
                          </select>
                        )}
                      </>
                    ) : null}
                  </div>
                </fieldset>
              ) : null}
            </section>
          );
        })}

        <div className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium">Add a question</p>
          <div className="mt-2 flex flex-wrap gap-2">
            {QUESTION_TYPES.map((t) => (
              <button key={t} type="button" className={buttonClass("secondary")} onClick={() => add(t)}>
                {TYPE_LABELS[t]}
              </button>
            ))}
          </div>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="button"
            className={buttonClass()}
            onClick={save}
            aria-disabled={saving}
            disabled={saving}
          >
            {saving ? "Saving…" : "Save template"}
          </button>
          <p role="status" className={message?.ok === false ? "font-medium text-red-800" : "text-slate-700"}>
            {message?.text}
          </p>
        </div>
      </div>

      <section aria-labelledby="preview-h" className="lg:sticky lg:top-4 lg:self-start">
        <div className="rounded-lg bg-slate-100 p-4 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="preview-h" className="text-lg font-semibold">
              Preview as the customer sees it
            </h2>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={large}
                onChange={(e) => setLarge(e.target.checked)}
                className="size-4 accent-blue-700"
              />
              Large text
            </label>
          </div>
          <fieldset className="mt-2 flex gap-2">
            <legend className="sr-only">Preview language</legend>
            {LANGS.map((l) => (
              <button
                key={l.code}
                type="button"
                aria-pressed={lang === l.code}
                onClick={() => setLang(l.code)}
                className={buttonClass(lang === l.code ? "primary" : "secondary")}
              >
                {l.name}
              </button>
            ))}
          </fieldset>
          <p className="mt-2 text-xs text-slate-700">
            Answer in the preview to see the conditional questions appear. Nothing is saved.
          </p>
          <div
            lang={lang}
            data-testid="preview"
            className="mt-3 rounded-lg bg-white p-4 text-lg shadow-sm"
            style={large ? { zoom: 1.25 } : undefined}
          >
            {views.length ? (
              <SurveyQuestions
                idPrefix="preview"
                questions={views}
                answers={preview}
                errors={{}}
                labels={labels[lang]}
                onAnswer={(id, v) =>
                  setPreview((p) => {
                    const next = { ...p };
                    if (v === undefined) delete next[id];
                    else next[id] = v;
                    return next;
                  })
                }
              />
            ) : (
              <p className="text-slate-600">Add a question with its English wording to see it here.</p>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
