import { relations } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { GRID_AXIS } from "@/lib/domain/insights";
import { createdAt, id } from "./columns";
import { users } from "./staff";
import { surveyResponses } from "./surveys";

/** Numbered reason codes, worded the way customers say them. */
export const reasonCodes = sqliteTable(
  "reason_codes",
  {
    id: id(),
    number: integer("number").notNull(),
    label: text("label").notNull(),
    example: text("example").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reason_codes_number_uq").on(t.number)],
);

export const insights = sqliteTable(
  "insights",
  {
    id: id(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    customerAxis: text("customer_axis", { enum: GRID_AXIS }).notNull(),
    companyAxis: text("company_axis", { enum: GRID_AXIS }).notNull(),
    contactsPerMonth: integer("contacts_per_month").notNull().default(0),
    handlingMinutes: real("handling_minutes").notNull().default(0),
    hourlyCost: real("hourly_cost").notNull().default(0),
    customersAtRisk: integer("customers_at_risk").notNull().default(0),
    lifetimeValue: real("lifetime_value").notNull().default(0),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("insights_created_by_idx").on(t.createdById)],
);

export const insightReasonCodes = sqliteTable(
  "insight_reason_codes",
  {
    insightId: text("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    reasonCodeId: text("reason_code_id")
      .notNull()
      .references(() => reasonCodes.id),
  },
  (t) => [primaryKey({ columns: [t.insightId, t.reasonCodeId] }), index("irc_reason_idx").on(t.reasonCodeId)],
);

/** What was heard: a survey comment (or, later, a room note) backing an insight. */
export const insightEvidence = sqliteTable(
  "insight_evidence",
  {
    id: id(),
    insightId: text("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    responseId: text("response_id").references(() => surveyResponses.id, { onDelete: "set null" }),
    quote: text("quote").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("insight_evidence_insight_idx").on(t.insightId),
    index("insight_evidence_response_idx").on(t.responseId),
  ],
);

export const insightsRelations = relations(insights, ({ many, one }) => ({
  reasonCodes: many(insightReasonCodes),
  evidence: many(insightEvidence),
  createdBy: one(users, { fields: [insights.createdById], references: [users.id] }),
}));
export const insightReasonCodesRelations = relations(insightReasonCodes, ({ one }) => ({
  insight: one(insights, { fields: [insightReasonCodes.insightId], references: [insights.id] }),
  reasonCode: one(reasonCodes, { fields: [insightReasonCodes.reasonCodeId], references: [reasonCodes.id] }),
}));
export const insightEvidenceRelations = relations(insightEvidence, ({ one }) => ({
  insight: one(insights, { fields: [insightEvidence.insightId], references: [insights.id] }),
}));

export type Insight = typeof insights.$inferSelect;
export type ReasonCode = typeof reasonCodes.$inferSelect;
