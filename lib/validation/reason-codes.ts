import { z } from "zod";

const wording = (max: number) => z.string().trim().max(max).default("");

/** A code's content: its number and wording in each language, definition and examples (one a line). */
const codeFields = {
  number: z.coerce.number().int("A whole number").min(1, "From 1").max(999, "Up to 999"),
  label: z.string().trim().min(3, "Word it as a customer would say it").max(200),
  labelZh: wording(200),
  labelVi: wording(200),
  definition: wording(1000),
  example: wording(2000),
};

export const zProposeReasonCode = z.strictObject(codeFields);
export type ProposeReasonCodeInput = z.input<typeof zProposeReasonCode>;

/** An admin's edit (or renumbering) of an existing code, or a new active code without `id`. */
export const zSaveReasonCode = z.strictObject({ id: z.uuid().optional(), ...codeFields });
export type SaveReasonCodeInput = z.input<typeof zSaveReasonCode>;

/** Approve a proposal, retire an active code, or bring a retired one back. */
export const zSetReasonCodeState = z.strictObject({
  id: z.uuid(),
  to: z.enum(["active", "retired"]),
});
