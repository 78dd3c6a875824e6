// Survey vocabulary: question kinds, their scales, conditions, and the views the pages render.
import type { Language } from "./languages";

export const QUESTION_TYPES = ["csat", "nps", "ces", "single", "multiple", "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The rating scales: CSAT 1–5, NPS 0–10, CES 1–7 (7 = very easy). */
export const SCALES = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
} as const satisfies Partial<Record<QuestionType, { min: number; max: number }>>;
export type ScaleType = keyof typeof SCALES;
export const isScale = (t: QuestionType): t is ScaleType => t in SCALES;

/** How a condition compares the earlier answer: at most, at least, equal, or (choices) includes. */
export const CONDITION_OPS = ["lte", "gte", "eq", "includes"] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** Wording in each language; English is always there, the others may still be missing. */
export type Wording = { en: string } & Partial<Record<Exclude<Language, "en">, string>>;

export type SurveyOption = { id: string; text: Wording };

export type SurveyQuestion = {
  /** Stable within a template: answers are keyed by it, across versions. */
  id: string;
  type: QuestionType;
  required: boolean;
  text: Wording;
  /** Single and multiple choice only. */
  options?: SurveyOption[];
  /** Shown only when the earlier question's answer matches. */
  showIf?: { questionId: string; op: ConditionOp; value: number | string };
};

/** An answer as stored: a scale value, a choice id, choice ids, or free text. */
export type AnswerValue = number | string | string[];
export type SurveyAnswers = Record<string, AnswerValue>;

/** Why an answer was refused; each has a translated message on the survey page. */
export const ANSWER_ERRORS = ["required", "range", "choice", "tooLong"] as const;
export type AnswerError = (typeof ANSWER_ERRORS)[number];

export const TEXT_ANSWER_MAX = 5000;

/** How a survey came to be sent. */
export const SURVEY_SEND_KINDS = ["after_session", "on_demand"] as const;
export type SurveySendKind = (typeof SURVEY_SEND_KINDS)[number];

/**
 * The fixed form every survey had before templates (CSAT, NPS, a comment): surveys sent then
 * have no template version and are shown and scored with these questions.
 */
export const CLASSIC_QUESTIONS: SurveyQuestion[] = [
  {
    id: "csat",
    type: "csat",
    required: true,
    text: {
      en: "How satisfied are you with the session?",
      zh: "您对这次交流活动的满意度如何？",
      vi: "Bạn hài lòng với buổi trò chuyện ở mức nào?",
    },
  },
  {
    id: "nps",
    type: "nps",
    required: true,
    text: {
      en: "How likely are you to recommend us to a friend?",
      zh: "您有多大可能向朋友推荐我们？",
      vi: "Bạn có sẵn lòng giới thiệu chúng tôi cho bạn bè không?",
    },
  },
  {
    id: "comment",
    type: "text",
    required: false,
    text: {
      en: "Anything you would like us to know?",
      zh: "还有什么想告诉我们的吗？",
      vi: "Bạn có điều gì muốn chia sẻ thêm không?",
    },
  },
];

/** One question as the customer sees it, in one language (English where a wording is missing). */
export type SurveyQuestionView = {
  id: string;
  type: QuestionType;
  required: boolean;
  label: string;
  /** True when the label fell back to English (the builder marks it; the customer is not told). */
  fallback: boolean;
  options: { id: string; label: string; fallback: boolean }[];
  showIf?: SurveyQuestion["showIf"];
};
