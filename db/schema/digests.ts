import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { users } from "./staff";

/** Staff who asked for the weekly digest email (executives and department heads). */
export const digestSubscriptions = sqliteTable("digest_subscriptions", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

/**
 * One row per person per week the digest was queued: the primary key is what makes it "once per
 * week per person", whichever worker runs the job and however often it is retried.
 */
export const digestDeliveries = sqliteTable(
  "digest_deliveries",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekStart: integer("week_start").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekStart] })],
);
