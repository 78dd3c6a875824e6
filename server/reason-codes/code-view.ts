import "server-only";
import type { ReasonCode } from "@/db/schema";
import { type ReasonCodeView, splitExamples } from "@/lib/domain/reason-codes";

export const toReasonCodeView = (c: ReasonCode): ReasonCodeView => ({
  id: c.id,
  number: c.number,
  label: c.label,
  labelZh: c.labelZh,
  labelVi: c.labelVi,
  definition: c.definition,
  examples: splitExamples(c.example),
  state: c.state,
});

/** What the history keeps of a code: its content and state, nothing else. */
export const snapshot = (c: ReasonCode) => ({
  number: c.number,
  label: c.label,
  labelZh: c.labelZh,
  labelVi: c.labelVi,
  definition: c.definition,
  example: c.example,
  state: c.state,
});
