import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Fixed-window counters shared by every app instance (the database is the one shared place). */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
