import { z } from "zod";

const subject = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[\r\n]/.test(s), "One line");
const body = z.string().trim().min(20, "Write the message (at least a sentence)").max(5000);

/** What the person sending the outreach confirmed: the code, and the message per language, as edited. */
export const zSendOutreach = z.strictObject({
  reasonCodeId: z.string().min(1).max(64),
  subject_en: subject.optional(),
  body_en: body.optional(),
  subject_zh: subject.optional(),
  body_zh: body.optional(),
  subject_vi: subject.optional(),
  body_vi: body.optional(),
  reviewed: z.literal("yes", { message: "Confirm that you have read and edited the messages" }),
});
export type SendOutreachInput = z.input<typeof zSendOutreach>;
