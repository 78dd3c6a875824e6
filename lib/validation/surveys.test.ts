import { describe, expect, it } from "vitest";
import { CLASSIC_QUESTIONS, type SurveyQuestion } from "@/lib/domain/surveys";
import {
  checkAnswer,
  checkAnswers,
  localizeQuestions,
  strictScale,
  visibleQuestions,
} from "@/lib/survey-logic";
import { zSaveTemplate, zSurveyAnswer } from "./surveys";

describe("strict scores", () => {
  it("takes integers in range as numbers or plain decimal strings", () => {
    expect(strictScale(3, 1, 5)).toBe(3);
    expect(strictScale("3", 1, 5)).toBe(3);
    expect(strictScale("10", 0, 10)).toBe(10);
    expect(strictScale("0", 0, 10)).toBe(0);
  });

  it("refuses [3], '0x3', true, '1e0' and other look-alikes", () => {
    for (const bad of [
      [3],
      ["3"],
      "0x3",
      true,
      "1e0",
      " 3",
      "3 ",
      "3.0",
      3.5,
      "03",
      "",
      null,
      {},
      Number.NaN,
      6,
      0,
    ])
      expect(strictScale(bad, 1, 5), JSON.stringify(bad)).toBeNull();
    expect(checkAnswer({ type: "csat" }, [3])).toEqual({ error: "range" });
    expect(checkAnswer({ type: "nps" }, "1e0")).toEqual({ error: "range" });
    expect(checkAnswer({ type: "ces" }, true)).toEqual({ error: "range" });
    expect(checkAnswer({ type: "ces" }, "7")).toEqual({ value: 7 });
  });

  it("the boundary refuses booleans and nested lists before any question sees them", () => {
    expect(zSurveyAnswer.safeParse({ answers: { csat: true }, final: true }).success).toBe(false);
    expect(zSurveyAnswer.safeParse({ answers: { csat: [3] }, final: true }).success).toBe(false);
    expect(zSurveyAnswer.safeParse({ answers: { csat: 3 }, final: "true" }).success).toBe(false);
    expect(zSurveyAnswer.safeParse({ answers: { csat: 3 }, final: true, extra: 1 }).success).toBe(false);
    expect(zSurveyAnswer.safeParse({ answers: { csat: "3" }, final: false }).success).toBe(true);
  });
});

const TEMPLATE: SurveyQuestion[] = [
  { id: "csat", type: "csat", required: true, text: { en: "How satisfied?", vi: "Hài lòng?" } },
  {
    id: "wrong",
    type: "text",
    required: true,
    text: { en: "What went wrong?" },
    showIf: { questionId: "csat", op: "lte", value: 2 },
  },
  {
    id: "topic",
    type: "multiple",
    required: false,
    text: { en: "Which topics?", zh: "哪些话题？", vi: "Chủ đề nào?" },
    options: [
      { id: "bill", text: { en: "Bills" } },
      { id: "app", text: { en: "App", zh: "应用", vi: "Ứng dụng" } },
    ],
    showIf: { questionId: "wrong", op: "eq", value: "x" },
  },
];

describe("conditional questions and partial answers", () => {
  it("shows a follow-up only when the earlier answer matches, and hides what hangs on a hidden one", () => {
    expect(visibleQuestions(TEMPLATE, {}).map((q) => q.id)).toEqual(["csat"]);
    expect(visibleQuestions(TEMPLATE, { csat: 2 }).map((q) => q.id)).toEqual(["csat", "wrong"]);
    expect(visibleQuestions(TEMPLATE, { csat: 4, wrong: "x" }).map((q) => q.id)).toEqual(["csat"]);
  });

  it("a partial save checks only what was given; the final one requires what is shown", () => {
    expect(checkAnswers(TEMPLATE, { csat: "1" }, false)).toEqual({ answers: { csat: 1 }, errors: {} });
    expect(checkAnswers(TEMPLATE, { csat: 1 }, true).errors).toEqual({ wrong: "required" });
    // An answer to a question the condition hides is dropped, not stored.
    expect(checkAnswers(TEMPLATE, { csat: 5, wrong: "late" }, true)).toEqual({
      answers: { csat: 5 },
      errors: {},
    });
    expect(checkAnswers(TEMPLATE, { csat: 9 }, false).errors).toEqual({ csat: "range" });
  });

  it("falls back to English, marked, where a translation is missing; never an empty label", () => {
    const vi = localizeQuestions(TEMPLATE, "vi");
    expect(vi[0]).toMatchObject({ label: "Hài lòng?", fallback: false });
    expect(vi[1]).toMatchObject({ label: "What went wrong?", fallback: true });
    expect(vi[2]!.options[0]).toMatchObject({ label: "Bills", fallback: true });
    for (const lang of ["en", "zh", "vi"] as const)
      for (const q of localizeQuestions(CLASSIC_QUESTIONS, lang)) expect(q.label.length).toBeGreaterThan(0);
  });

  it("a template's condition must look back at an earlier question", () => {
    const bad = zSaveTemplate.safeParse({ name: "Backwards", questions: [TEMPLATE[1], TEMPLATE[0]] });
    expect(bad.success).toBe(false);
    expect(zSaveTemplate.safeParse({ name: "Fine", questions: TEMPLATE }).success).toBe(true);
  });
});
