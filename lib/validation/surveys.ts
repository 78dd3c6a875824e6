import { z } from "zod";

export const zSurveyAnswer = z.strictObject({
  csat: z.coerce.number().int().min(1).max(5),
  nps: z.coerce.number().int().min(0).max(10),
  comment: z.string().max(5000).default(""),
});
export type SurveyAnswerInput = z.infer<typeof zSurveyAnswer>;
