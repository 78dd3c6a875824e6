import { relations } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ACTION_EVENT_KINDS, ACTION_STATUSES, CHANGE_MESSAGE_STATUSES } from "@/lib/domain/action-statuses";
import { LANGUAGES, type Language } from "@/lib/domain/languages";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { insights } from "./insights";
import { invitations } from "./invitations";
import { departments, users } from "./staff";

/** A commitment by a department, with a named owner and a deadline: how the loop gets closed. */
export const actions = sqliteTable(
  "actions",
  {
    id: id(),
    insightId: text("insight_id")
      .notNull()
      .references(() => insights.id, { onDelete: "cascade" }),
    departmentId: text("department_id")
      .notNull()
      .references(() => departments.id),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    status: text("status", { enum: ACTION_STATUSES }).notNull().default("open"),
    deadline: instant("deadline").notNull(),
    resolutionNote: text("resolution_note"),
    /** Evidence of the fix besides the note: a link and/or the name of a file kept elsewhere. */
    evidenceUrl: text("evidence_url"),
    evidenceFileName: text("evidence_file_name"),
    /**
     * What changed, as the customers are told it ("you told us, we changed"), per language; the
     * facilitator writes it when sending. Absent languages fall back to English.
     */
    changeSummary: text("change_summary", { mode: "json" }).$type<Partial<Record<Language, string>>>(),
    /** Who assigned it: told when it is done. Null on rows older than the column. */
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    doneAt: instant("done_at"),
    verifiedAt: instant("verified_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("actions_insight_idx").on(t.insightId),
    index("actions_department_idx").on(t.departmentId, t.status),
    index("actions_owner_idx").on(t.ownerId),
  ],
);

/**
 * The action's timeline: status changes, edits, comments, evidence, reminders and escalations,
 * who made them and why. `toStatus` is the status after the entry (unchanged for all but status
 * moves). A reminder or escalation carries its dedupe key: unique, so it is on the timeline — and
 * its mail queued — once, however many workers run it.
 */
export const actionEvents = sqliteTable(
  "action_events",
  {
    id: id(),
    actionId: text("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    /** Null for what the system did (reminders, escalations). */
    actorId: text("actor_id").references(() => users.id),
    kind: text("kind", { enum: ACTION_EVENT_KINDS }).notNull().default("status"),
    dedupeKey: text("dedupe_key"),
    fromStatus: text("from_status", { enum: ACTION_STATUSES }),
    toStatus: text("to_status", { enum: ACTION_STATUSES }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("action_events_action_idx").on(t.actionId),
    index("action_events_actor_idx").on(t.actorId),
    uniqueIndex("action_events_dedupe_uq").on(t.dedupeKey),
  ],
);

/**
 * "You told us, we changed": one row per customer per action, unique, so a customer hears about
 * one change once however many of their quotes are evidence. Drafted when the action is verified;
 * the facilitator holds or sends.
 */
export const changeMessages = sqliteTable(
  "change_messages",
  {
    id: id(),
    actionId: text("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The invitation whose contact consent allows it; its link carries the withdraw page. */
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    status: text("status", { enum: CHANGE_MESSAGE_STATUSES }).notNull().default("draft"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    decidedById: text("decided_by_id").references(() => users.id),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("change_messages_action_customer_uq").on(t.actionId, t.customerId),
    index("change_messages_customer_idx").on(t.customerId),
  ],
);

export const actionsRelations = relations(actions, ({ one, many }) => ({
  insight: one(insights, { fields: [actions.insightId], references: [insights.id] }),
  department: one(departments, { fields: [actions.departmentId], references: [departments.id] }),
  owner: one(users, { fields: [actions.ownerId], references: [users.id] }),
  events: many(actionEvents),
}));
export const actionEventsRelations = relations(actionEvents, ({ one }) => ({
  action: one(actions, { fields: [actionEvents.actionId], references: [actions.id] }),
  actor: one(users, { fields: [actionEvents.actorId], references: [users.id] }),
}));

export const changeMessagesRelations = relations(changeMessages, ({ one }) => ({
  action: one(actions, { fields: [changeMessages.actionId], references: [actions.id] }),
  customer: one(customers, { fields: [changeMessages.customerId], references: [customers.id] }),
}));

export type Action = typeof actions.$inferSelect;
export type ChangeMessage = typeof changeMessages.$inferSelect;
