import { z } from "zod";
import { ACTION_STATUSES } from "@/lib/domain/action-statuses";
import { GRID_AXIS } from "@/lib/domain/insights";

const money = z.coerce.number().min(0).max(1e9);

export const zCreateInsight = z.strictObject({
  title: z.string().trim().min(3, "Give the insight a title").max(200),
  summary: z.string().trim().max(4000).default(""),
  customerAxis: z.enum(GRID_AXIS),
  companyAxis: z.enum(GRID_AXIS),
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
  to: z.enum(ACTION_STATUSES),
  note: z.string().trim().max(4000).default(""),
});
