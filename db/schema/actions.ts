import { relations } from "drizzle-orm";
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACTION_STATUSES } from "@/lib/domain/action-statuses";
import { createdAt, id, instant } from "./columns";
import { insights } from "./insights";
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

/** The action's timeline: every status change, who made it and why. */
export const actionEvents = sqliteTable(
  "action_events",
  {
    id: id(),
    actionId: text("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    fromStatus: text("from_status", { enum: ACTION_STATUSES }),
    toStatus: text("to_status", { enum: ACTION_STATUSES }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("action_events_action_idx").on(t.actionId), index("action_events_actor_idx").on(t.actorId)],
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

export type Action = typeof actions.$inferSelect;
