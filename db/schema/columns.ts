import { integer, text } from "drizzle-orm/sqlite-core";

/** Random primary key: UUIDs leak no counts and are safe to show in URLs. */
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** A UTC instant, stored as milliseconds since the epoch. */
export const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

export const createdAt = () =>
  instant("created_at")
    .notNull()
    .$defaultFn(() => new Date());
