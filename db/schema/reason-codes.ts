import { relations } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { REASON_CODE_STATES } from "@/lib/domain/reason-codes";
import { createdAt, id, instant } from "./columns";
import { users } from "./staff";

/**
 * The codebook: numbered reason codes, worded the way customers say them in each language, with
 * a definition and examples so that two people code the same call the same way. `active` is the
 * state's shorthand every picker reads (`state = 'active'`); proposed codes wait for an admin.
 */
export const reasonCodes = sqliteTable(
  "reason_codes",
  {
    id: id(),
    number: integer("number").notNull(),
    /** The English wording. */
    label: text("label").notNull(),
    labelZh: text("label_zh").notNull().default(""),
    labelVi: text("label_vi").notNull().default(""),
    definition: text("definition").notNull().default(""),
    /** Examples, one a line. */
    example: text("example").notNull().default(""),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    state: text("state", { enum: REASON_CODE_STATES }).notNull().default("active"),
    proposedById: text("proposed_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at"),
  },
  (t) => [uniqueIndex("reason_codes_number_uq").on(t.number), index("reason_codes_state_idx").on(t.state)],
);

/** Every change to a code: who, when, what it was before and after. */
export const reasonCodeHistory = sqliteTable(
  "reason_code_history",
  {
    id: id(),
    reasonCodeId: text("reason_code_id")
      .notNull()
      .references(() => reasonCodes.id, { onDelete: "cascade" }),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    change: text("change").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reason_code_history_code_idx").on(t.reasonCodeId, t.createdAt)],
);

export const reasonCodesRelations = relations(reasonCodes, ({ many }) => ({
  history: many(reasonCodeHistory),
}));
export const reasonCodeHistoryRelations = relations(reasonCodeHistory, ({ one }) => ({
  reasonCode: one(reasonCodes, { fields: [reasonCodeHistory.reasonCodeId], references: [reasonCodes.id] }),
  actor: one(users, { fields: [reasonCodeHistory.actorId], references: [users.id] }),
}));

export type ReasonCode = typeof reasonCodes.$inferSelect;
