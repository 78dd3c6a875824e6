import { z } from "zod";

const summary = z
  .string()
  .trim()
  .max(2000)
  .optional()
  .transform((v) => v || undefined);

/**
 * The facilitator's decision on an action's "you told us, we changed" drafts: send them (with
 * what changed, per language; blank languages fall back to English) or hold them.
 */
export const zDecideChangeMessages = z.strictObject({
  actionId: z.uuid(),
  decision: z.enum(["send", "hold"]),
  summaryEn: summary,
  summaryZh: summary,
  summaryVi: summary,
});
export type DecideChangeMessagesInput = z.input<typeof zDecideChangeMessages>;
