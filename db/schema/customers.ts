import { sql } from "drizzle-orm";
import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONTACT_PREFERENCES } from "@/lib/domain/customers";
import { LANGUAGES } from "@/lib/domain/languages";
import { createdAt, id, instant } from "./columns";

export const customers = sqliteTable(
  "customers",
  {
    id: id(),
    /** Null once erased: the row stays so anonymous aggregates keep their shape. */
    name: text("name"),
    /** The form of their name they want to be greeted by (e.g. "Mai" for Phạm Thị Mai); null: the full name. */
    preferredName: text("preferred_name"),
    email: text("email"),
    phone: text("phone"),
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Comma-free JSON arrays, e.g. ["elderly","premium"]. */
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    segment: text("segment"),
    contactPreference: text("contact_preference", { enum: CONTACT_PREFERENCES }).notNull().default("email"),
    /** Standing accessibility needs the customer told us about (facilitators and admins only). */
    accessibilityNotes: text("accessibility_notes"),
    erasedAt: instant("erased_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("customers_email_uq").on(t.email), index("customers_segment_idx").on(t.segment)],
);

export type Customer = typeof customers.$inferSelect;
