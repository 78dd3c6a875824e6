import { sql } from "drizzle-orm";
import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Language } from "@/lib/domain/languages";
import { instant } from "./columns";
import { users } from "./staff";

/**
 * The company's own settings: one row (id 1), set by admins. Read by customer pages and emails
 * (name, logo, support phone), cost estimates (currency), survey dispatch (frequency cap) and the
 * retention job. Defaults live in the columns so a fresh database needs no row.
 */
export const companySettings = sqliteTable(
  "company_settings",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull().default("Immersion"),
    /** An https URL or a site path; shown on customer pages and emails. */
    logoUrl: text("logo_url"),
    /** ISO 4217 code for every cost and incentive shown. */
    currency: text("currency").notNull().default("GBP"),
    supportPhone: text("support_phone"),
    /** Languages offered first to new customers, in order. */
    defaultLanguages: text("default_languages", { mode: "json" })
      .$type<Language[]>()
      .notNull()
      .default(sql`'["en"]'`),
    /** A customer is not sent a survey more than once per this many days. */
    surveyFrequencyCapDays: integer("survey_frequency_cap_days").notNull().default(30),
    /** Personal data older than this is erased by the retention job (anonymous aggregates stay). */
    retentionMonths: integer("retention_months").notNull().default(24),
    updatedAt: instant("updated_at"),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("company_settings_single_row", sql`${t.id} = 1`)],
);

export type CompanySettings = typeof companySettings.$inferSelect;
