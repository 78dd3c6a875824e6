import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { instant } from "./columns";

/**
 * Rate-limit counters (server/security/rate-limit.ts; the layout of rate-limiter-flexible's
 * drizzle store, which counted here before), shared by every app instance (the database is the
 * one shared place). Keys are hashed (server/security/rate-limit.ts): no address or email in
 * here. Rows past `expire` are pruned.
 */
export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  points: integer("points").notNull(),
  expire: instant("expire"),
});
