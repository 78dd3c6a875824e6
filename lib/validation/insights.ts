import { z } from "zod";
import { GRID_AXIS } from "@/lib/domain/insights";
import { zListQuery } from "@/lib/paging";
import { zEvidenceRefs } from "./notes";

const money = z.coerce.number().min(0).max(1e9);

export const zCreateInsight = z.strictObject({
  title: z.string().trim().min(3, "Give the insight a title").max(200),
  summary: z.string().trim().max(4000).default(""),
  customerAxis: z.enum(GRID_AXIS),
  companyAxis: z.enum(GRID_AXIS),
  reasonCodeIds: z.array(z.uuid()).min(1, "Choose at least one reason code").max(20),
  /** Refs like "room_note:<id>", "listening:<id>", "survey:<id>" (lib/domain/notes.ts). */
  evidence: zEvidenceRefs.default([]),
  contactsPerMonth: z.coerce.number().int().min(0).max(1e8).default(0),
  handlingMinutes: money.default(0),
  hourlyCost: money.default(0),
  customersAtRisk: z.coerce.number().int().min(0).max(1e8).default(0),
  lifetimeValue: money.default(0),
});
export type CreateInsightInput = z.input<typeof zCreateInsight>;

/** Editing an insight: everything but its evidence (added and removed on its own). */
export const zUpdateInsight = zCreateInsight.omit({ evidence: true }).extend({ insightId: z.uuid() });

/** The keys an insight list may be sorted by (see zListQuery). */
export const INSIGHT_SORTS = ["created", "title"] as const;
export type InsightSortKey = (typeof INSIGHT_SORTS)[number];
/** `code` narrows the list to the insights carrying that reason code (by number, as staff say it). */
export const zInsightListQuery = zListQuery(INSIGHT_SORTS, "-created").extend({
  code: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type InsightListQuery = { page?: unknown; sort?: unknown; code?: unknown };
