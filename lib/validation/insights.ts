import { z } from "zod";

const money = z.coerce.number().min(0).max(1e9);

export const zCreateInsight = z.strictObject({
  title: z.string().trim().min(3, "Give the insight a title").max(200),
  summary: z.string().trim().max(4000).default(""),
  customerAxis: z.enum(["value", "irritant"]),
  companyAxis: z.enum(["value", "irritant"]),
  reasonCodeIds: z.array(z.uuid()).min(1, "Choose at least one reason code").max(20),
  evidenceResponseIds: z.array(z.uuid()).max(200).default([]),
  contactsPerMonth: z.coerce.number().int().min(0).max(1e8).default(0),
  handlingMinutes: money.default(0),
  hourlyCost: money.default(0),
  customersAtRisk: z.coerce.number().int().min(0).max(1e8).default(0),
  lifetimeValue: money.default(0),
});
export type CreateInsightInput = z.infer<typeof zCreateInsight>;

export const zCreateAction = z.strictObject({
  insightId: z.uuid(),
  departmentId: z.uuid(),
  ownerId: z.uuid(),
  title: z.string().trim().min(3, "Describe the action").max(300),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a deadline"),
});

export const zActionTransition = z.strictObject({
  actionId: z.uuid(),
  to: z.enum(["open", "in_progress", "done", "verified"]),
  note: z.string().trim().max(4000).default(""),
});
