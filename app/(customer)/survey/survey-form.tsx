"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { type SurveyLabels, SurveyQuestions } from "@/components/survey/survey-questions";
import { buttonClass } from "@/components/ui/button";
import type { AnswerError, AnswerValue, SurveyAnswers } from "@/lib/domain/surveys";
import { checkAnswers, visibleQuestions } from "@/lib/survey-logic";
import type { SurveyPageView } from "@/server/surveys/survey-page";
import { submitSurveyAction } from "./actions";

type Status = {
  saving: string;
  saved: string;
  savedHere: string;
  checkAnswers: string;
  notSent: string;
  submit: string;
  sending: string;
};

/**
 * The survey as one page. Every answer is saved as it is given (a choice at once, text after a
 * pause) and kept on the device too, so a reload, a lost connection or coming back days later
 * continues where the customer stopped. The browser's own validation is off (noValidate): its
 * bubbles speak the browser's language, not the page's; the same rules as the server's
 * (lib/survey-logic.ts) give the messages in the page's language.
 */
export function SurveyForm({
  view,
  labels,
  status,
}: {
  view: SurveyPageView;
  labels: SurveyLabels;
  status: Status;
}) {
  const router = useRouter();
  const storageKey = `im-survey:${view.surveyId}`;
  const [answers, setAnswers] = useState<SurveyAnswers>(view.answers);
  const [errors, setErrors] = useState<Record<string, AnswerError>>({});
  const [saveState, setSaveState] = useState<"idle" | "saving" | "saved" | "local">("idle");
  const [banner, setBanner] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const latest = useRef(answers);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (!dirty.current) return;
    dirty.current = false;
    setSaveState("saving");
    try {
      const r = await submitSurveyAction({ answers: latest.current, final: false });
      if (!r.ok) throw new Error(r.message);
      if (!dirty.current) {
        setSaveState("saved");
        localStorage.removeItem(storageKey);
      }
    } catch {
      dirty.current = true;
      setSaveState("local");
    }
  }, [storageKey]);

  const schedule = useCallback(
    (ms: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), ms);
    },
    [flush],
  );

  useEffect(() => {
    // Answers kept on this device after the last save reached us (offline, or closed too soon).
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey) ?? "null") as {
        answers: SurveyAnswers;
        at: number;
      } | null;
      if (kept && kept.at > (view.savedAt ?? 0)) {
        latest.current = { ...view.answers, ...kept.answers };
        setAnswers(latest.current);
        dirty.current = true;
        schedule(0);
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
    const online = () => dirty.current && schedule(0);
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [storageKey, view.answers, view.savedAt, schedule]);

  function onAnswer(id: string, value: AnswerValue | undefined) {
    const next = { ...latest.current };
    if (value === undefined) delete next[id];
    else next[id] = value;
    latest.current = next;
    setAnswers(next);
    dirty.current = true;
    try {
      localStorage.setItem(storageKey, JSON.stringify({ answers: next, at: Date.now() }));
    } catch {
      // Private mode or full storage: the server save still runs.
    }
    if (errors[id])
      setErrors((e) => {
        const copy = { ...e };
        delete copy[id];
        return copy;
      });
    const type = view.questions.find((q) => q.id === id)?.type;
    schedule(type === "text" ? 700 : 100);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (sending) return;
    const found = checkAnswers(view.questions, latest.current, true).errors;
    const first = visibleQuestions(view.questions, latest.current).find((q) => found[q.id]);
    if (first) {
      setErrors(found);
      setBanner(status.checkAnswers);
      document.getElementById(`q-${first.id}`)?.focus();
      return;
    }
    setSending(true);
    setBanner(null);
    clearTimeout(timer.current);
    try {
      const r = await submitSurveyAction({ answers: latest.current, final: true });
      if (r.ok) {
        localStorage.removeItem(storageKey);
        router.refresh();
        return;
      }
      setBanner(status.notSent);
    } catch {
      setBanner(status.notSent);
    }
    setSending(false);
  }

  const shown = visibleQuestions(view.questions, answers);
  const done = shown.filter((q) => answers[q.id] !== undefined).length;
  const progress = labels.progress
    .replace("{answered}", String(done))
    .replace("{total}", String(shown.length));
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6">
      <div>
        <p className="text-sm font-semibold text-slate-800">{progress}</p>
        <div className="mt-1 h-2 rounded bg-slate-200" aria-hidden="true">
          <div
            className="h-2 rounded bg-blue-700 transition-all"
            style={{ width: `${shown.length ? (done / shown.length) * 100 : 0}%` }}
          />
        </div>
      </div>
      {banner ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 font-medium text-red-900 ring-1 ring-red-200">
          {banner}
        </p>
      ) : null}
      <SurveyQuestions
        questions={view.questions}
        answers={answers}
        errors={errors}
        labels={labels}
        onAnswer={onAnswer}
      />
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          className={buttonClass("primary", "min-h-12 px-6 text-base")}
          aria-disabled={sending}
        >
          {sending ? status.sending : status.submit}
        </button>
        <p role="status" className="text-sm text-slate-700">
          {saveState === "saving"
            ? status.saving
            : saveState === "saved"
              ? status.saved
              : saveState === "local"
                ? status.savedHere
                : ""}
        </p>
      </div>
    </form>
  );
}
