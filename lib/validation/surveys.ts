import { z } from "zod";
import { LANGUAGES } from "@/lib/domain/languages";
import { SESSION_FORMATS } from "@/lib/domain/sessions";
import { CONDITION_OPS, QUESTION_TYPES, type SurveyQuestion, TEXT_ANSWER_MAX } from "@/lib/domain/surveys";

const zKey = z.string().regex(/^[a-z0-9_-]{1,40}$/, "a short key");

/**
 * Answers as a client sends them (the survey page, or JSON): keyed by question id, each a number,
 * a string (a plain decimal from a form, a choice id, free text) or a list of choice ids. The
 * question's own rule (lib/survey-logic.ts `checkAnswer`) then decides, strictly: a boolean or a
 * nested list never gets this far, and "0x3" or "1e0" is no rating.
 */
export const zSurveyAnswer = z.strictObject({
  answers: z
    .record(
      zKey,
      z.union([z.number(), z.string().max(TEXT_ANSWER_MAX + 1), z.array(z.string().max(40)).max(40)]),
    )
    .refine((a) => Object.keys(a).length <= 60, "too many answers"),
  /** false: a partial save (nothing required yet); true: the customer sends the survey. */
  final: z.boolean(),
});
export type SurveyAnswerInput = z.input<typeof zSurveyAnswer>;

const zWording = z.strictObject({
  en: z.string().trim().min(1, "Write the English wording").max(500),
  zh: z.string().trim().max(500).optional(),
  vi: z.string().trim().max(500).optional(),
});

export const zSurveyQuestion: z.ZodType<SurveyQuestion> = z
  .strictObject({
    id: zKey,
    type: z.enum(QUESTION_TYPES),
    required: z.boolean(),
    text: zWording,
    options: z
      .array(z.strictObject({ id: zKey, text: zWording }))
      .max(20)
      .optional(),
    showIf: z
      .strictObject({
        questionId: zKey,
        op: z.enum(CONDITION_OPS),
        value: z.union([z.number().int(), z.string().max(40)]),
      })
      .optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.type === "single" || q.type === "multiple";
    if (choice && (q.options?.length ?? 0) < 2)
      ctx.addIssue({
        code: "custom",
        message: "A choice question needs at least two options",
        path: ["options"],
      });
    if (!choice && q.options?.length)
      ctx.addIssue({ code: "custom", message: "Only choice questions have options", path: ["options"] });
  }) as z.ZodType<SurveyQuestion>;

export const zSaveTemplate = z
  .strictObject({
    templateId: z.uuid().optional(),
    name: z.string().trim().min(3, "Give the template a name of at least 3 characters").max(120),
    questions: z.array(zSurveyQuestion).min(1, "Add at least one question").max(30),
    defaultFor: z.array(z.enum(SESSION_FORMATS)).max(SESSION_FORMATS.length).default([]),
  })
  .superRefine((t, ctx) => {
    const seen = new Map<string, number>();
    t.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({ code: "custom", message: "Two questions share a key", path: ["questions", i, "id"] });
      const c = q.showIf;
      if (c) {
        const at = seen.get(c.questionId);
        if (at === undefined)
          ctx.addIssue({
            code: "custom",
            message: "A condition can only look at an earlier question",
            path: ["questions", i, "showIf"],
          });
      }
      seen.set(q.id, i);
    });
  });
export type SaveTemplateInput = z.input<typeof zSaveTemplate>;

/** A session's survey: which template (empty = the format's default), the delay, the reminder. */
export const zSessionSurvey = z.strictObject({
  sessionId: z.uuid(),
  templateId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  delayMinutes: z.coerce
    .number()
    .int()
    .min(0, "0 or more minutes")
    .max(7 * 24 * 60, "At most a week"),
  reminderAfterHours: z.coerce
    .number()
    .int()
    .min(1, "At least an hour")
    .max(14 * 24, "At most two weeks"),
});

/** Send now: to every attendee (no ids) or the chosen ones. */
export const zSendSurveyNow = z.strictObject({
  sessionId: z.uuid(),
  invitationIds: z.array(z.uuid()).max(500).default([]),
});

const blank = (v: unknown) => (v === "" ? undefined : v);
export const SCORE_BANDS = ["csat_low", "csat_mid", "csat_high", "detractor", "passive", "promoter"] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** The response viewer's filters (from the address bar: every field optional). */
export const zResponseFilters = z.strictObject({
  session: z.preprocess(blank, z.uuid().optional()),
  format: z.preprocess(blank, z.enum(SESSION_FORMATS).optional()),
  template: z.preprocess(blank, z.uuid().optional()),
  language: z.preprocess(blank, z.enum(LANGUAGES).optional()),
  from: z.preprocess(blank, z.iso.date().optional()),
  to: z.preprocess(blank, z.iso.date().optional()),
  band: z.preprocess(blank, z.enum(SCORE_BANDS).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(10_000).optional()),
});
export type ResponseFilters = z.output<typeof zResponseFilters>;
