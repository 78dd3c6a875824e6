import { relations } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { EVIDENCE_SOURCES, GRID_AXIS } from "@/lib/domain/insights";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { listeningNotes } from "./notes";
import { reasonCodes } from "./reason-codes";
import { roomNotes } from "./rooms";
import { users } from "./staff";
import { surveyResponses } from "./surveys";

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
    updatedAt: instant("updated_at"),
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

/**
 * What was heard backing an insight: a survey comment, a room note or a listening-log entry (one
 * of the three ids, by `source`). The quote is copied so the insight reads the same if the source
 * is edited; withdrawal blanks it. The customer is kept to count distinct customers and to tell
 * them what changed.
 */
export const insightEvidence = sqliteTable(
  "insight_evidence",
  {
    id: id(),
    insightId: text("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    source: text("source", { enum: EVIDENCE_SOURCES }).notNull().default("survey"),
    responseId: text("response_id").references(() => surveyResponses.id, { onDelete: "set null" }),
    roomNoteId: text("room_note_id").references(() => roomNotes.id, { onDelete: "set null" }),
    listeningNoteId: text("listening_note_id").references(() => listeningNotes.id, { onDelete: "set null" }),
    customerId: text("customer_id").references(() => customers.id, { onDelete: "set null" }),
    quote: text("quote").notNull(),
    addedById: text("added_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("insight_evidence_insight_idx").on(t.insightId),
    uniqueIndex("insight_evidence_response_uq").on(t.insightId, t.responseId),
    uniqueIndex("insight_evidence_room_note_uq").on(t.insightId, t.roomNoteId),
    uniqueIndex("insight_evidence_listening_uq").on(t.insightId, t.listeningNoteId),
    index("insight_evidence_response_idx").on(t.responseId),
    index("insight_evidence_room_note_idx").on(t.roomNoteId),
    index("insight_evidence_listening_idx").on(t.listeningNoteId),
    index("insight_evidence_customer_idx").on(t.customerId),
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
export type InsightEvidence = typeof insightEvidence.$inferSelect;
