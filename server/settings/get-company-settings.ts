import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { type CompanySettings, companySettings } from "@/db/schema";

export type CompanyProfile = Omit<CompanySettings, "id" | "updatedAt" | "updatedBy">;

/** The defaults a database without a settings row stands for (the column defaults, once). */
const DEFAULTS: CompanyProfile = {
  name: "Immersion",
  logoUrl: null,
  currency: "GBP",
  supportPhone: null,
  defaultLanguages: ["en"],
  surveyFrequencyCapDays: 30,
  retentionMonths: 24,
};

/**
 * The company's settings. No authorization: nothing here is personal, and customer pages and
 * emails (no account) show the name, logo and support phone.
 */
export async function getCompanySettings(): Promise<CompanyProfile> {
  const row = await db.query.companySettings.findFirst({ where: eq(companySettings.id, 1) });
  if (!row) return DEFAULTS;
  const { id: _id, updatedAt: _at, updatedBy: _by, ...profile } = row;
  return profile;
}
