// The rules of a survey form, shared by the page (to show, hide and check as the customer goes)
// and the server (which enforces them): which questions are shown, what an answer may be, and
// the wording in a language.
import type { Language } from "./domain/languages";
import {
  type AnswerError,
  type AnswerValue,
  isScale,
  SCALES,
  type SurveyAnswers,
  type SurveyQuestion,
  type SurveyQuestionView,
  TEXT_ANSWER_MAX,
  type Wording,
} from "./domain/surveys";

/**
 * A rating as given: an integer, or a plain decimal string from a form ("4"). Anything else — an
 * array, a boolean, "0x3", "1e0", " 4", "4.0" — is not a rating. Null when it is not one in range.
 */
export function strictScale(raw: unknown, min: number, max: number): number | null {
  let n: number;
  if (typeof raw === "number") n = raw;
  else if (typeof raw === "string" && /^(0|[1-9][0-9]?)$/.test(raw)) n = Number(raw);
  else return null;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/** What the rules need of a question: the stored one, or the page's view of it. */
export type RuleQuestion = Pick<SurveyQuestion, "id" | "type" | "required" | "showIf"> & {
  options?: readonly { id: string }[];
};

/** Whether the condition on `q` holds for the answers given so far. */
function conditionHolds(q: Pick<SurveyQuestion, "showIf">, answers: SurveyAnswers): boolean {
  const c = q.showIf;
  if (!c) return true;
  const given = answers[c.questionId];
  if (given === undefined) return false;
  switch (c.op) {
    case "lte":
      return typeof given === "number" && given <= Number(c.value);
    case "gte":
      return typeof given === "number" && given >= Number(c.value);
    case "eq":
      return String(given) === String(c.value);
    case "includes":
      return Array.isArray(given) ? given.includes(String(c.value)) : given === c.value;
  }
}

/** The questions shown for these answers: a condition on a hidden question hides its follower too. */
export function visibleQuestions<Q extends Pick<SurveyQuestion, "id" | "showIf">>(
  questions: readonly Q[],
  answers: SurveyAnswers,
): Q[] {
  const shown = new Set<string>();
  const out: Q[] = [];
  for (const q of questions) {
    if (q.showIf && !shown.has(q.showIf.questionId)) continue;
    if (!conditionHolds(q, answers)) continue;
    shown.add(q.id);
    out.push(q);
  }
  return out;
}

/** One raw answer checked against its question; the clean value, or why not. */
export function checkAnswer(
  q: Pick<RuleQuestion, "type" | "options">,
  raw: unknown,
): { value: AnswerValue } | { error: AnswerError } {
  if (isScale(q.type)) {
    const { min, max } = SCALES[q.type];
    const n = strictScale(raw, min, max);
    return n === null ? { error: "range" } : { value: n };
  }
  const ids = new Set((q.options ?? []).map((o) => o.id));
  if (q.type === "single")
    return typeof raw === "string" && ids.has(raw) ? { value: raw } : { error: "choice" };
  if (q.type === "multiple") {
    if (!Array.isArray(raw) || !raw.every((v) => typeof v === "string" && ids.has(v)))
      return { error: "choice" };
    return { value: [...new Set(raw as string[])] };
  }
  if (typeof raw !== "string") return { error: "range" };
  return raw.length > TEXT_ANSWER_MAX ? { error: "tooLong" } : { value: raw };
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === "string" && v.trim() === "") ||
  (Array.isArray(v) && !v.length);

/**
 * Checks a set of raw answers against the questions, with an error per question. A partial save
 * (`final` false) keeps every valid answer, even to a question a later change hid (the customer
 * may change back). The final one keeps only the answers to questions shown (hidden or unknown
 * ones are dropped) and adds "required" for every shown required question left unanswered.
 */
export function checkAnswers(
  questions: readonly RuleQuestion[],
  raw: Record<string, unknown>,
  final: boolean,
): { answers: SurveyAnswers; errors: Record<string, AnswerError> } {
  const clean: SurveyAnswers = {};
  const errors: Record<string, AnswerError> = {};
  for (const q of questions) {
    const given = raw[q.id];
    if (isEmpty(given)) continue;
    const r = checkAnswer(q, given);
    if ("value" in r) clean[q.id] = r.value;
    else errors[q.id] = r.error;
  }
  if (!final) return { answers: clean, errors };
  const shown = visibleQuestions(questions, clean);
  const answers: SurveyAnswers = {};
  for (const q of shown) {
    const v = clean[q.id];
    if (v !== undefined) answers[q.id] = v;
    else if (final && q.required && !errors[q.id]) errors[q.id] = "required";
  }
  const shownIds = new Set(shown.map((q) => q.id));
  for (const id of Object.keys(errors)) if (!shownIds.has(id)) delete errors[id];
  return { answers, errors };
}

/** The wording in `lang`, or English (marked) when that translation is missing. */
export function wordingIn(w: Wording, lang: Language): { text: string; fallback: boolean } {
  const own = lang === "en" ? w.en : w[lang];
  return own?.trim() ? { text: own, fallback: false } : { text: w.en, fallback: lang !== "en" };
}

/** The languages a question (and its options) still lacks a wording in. */
export function missingLanguages(q: SurveyQuestion, langs: readonly Language[]): Language[] {
  const texts = [q.text, ...(q.options ?? []).map((o) => o.text)];
  return langs.filter((l) => l !== "en" && texts.some((t) => !t[l as "zh" | "vi"]?.trim()));
}

/** The questions in one language, for the survey page and the builder's preview. */
export function localizeQuestions(
  questions: readonly SurveyQuestion[],
  lang: Language,
): SurveyQuestionView[] {
  return questions.map((q) => {
    const label = wordingIn(q.text, lang);
    return {
      id: q.id,
      type: q.type,
      required: q.required,
      label: label.text,
      fallback: label.fallback,
      options: (q.options ?? []).map((o) => {
        const w = wordingIn(o.text, lang);
        return { id: o.id, label: w.text, fallback: w.fallback };
      }),
      ...(q.showIf ? { showIf: q.showIf } : {}),
    };
  });
}
