import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import { auditLog, companySettings } from "@/db/schema";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { updateCompanySettings } from "@/server/settings/update-company-settings";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});

const profile = {
  name: "Northwind Energy",
  logoUrl: "https://cdn.example.com/logo.svg",
  currency: "eur",
  supportPhone: "+44 20 7946 0000",
  defaultLanguages: ["en", "vi"],
  surveyFrequencyCapDays: "14",
  retentionMonths: 18,
};

describe("company settings", () => {
  it("stand for the column defaults before an admin sets them", async () => {
    await db.delete(companySettings); // other files in the run share the seeded database
    const s = await getCompanySettings();
    expect(s).toMatchObject({ currency: "GBP", surveyFrequencyCapDays: 30, retentionMonths: 24 });
  });

  it("are set by an admin, read back as given, and the change is audited", async () => {
    await updateCompanySettings(staff.admin, profile);
    expect(await getCompanySettings()).toEqual({
      name: "Northwind Energy",
      logoUrl: "https://cdn.example.com/logo.svg",
      currency: "EUR",
      supportPhone: "+44 20 7946 0000",
      defaultLanguages: ["en", "vi"],
      surveyFrequencyCapDays: 14,
      retentionMonths: 18,
    });
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, "settings.update"));
    expect(rows.map((r) => r.actorId)).toContain(staff.admin.userId);
    // A second save updates the one row.
    await updateCompanySettings(staff.admin, { ...profile, currency: "VND" });
    expect((await getCompanySettings()).currency).toBe("VND");
  });

  it.each([
    ["a made-up currency", { currency: "XYZ1" }],
    ["a javascript: logo", { logoUrl: "javascript:alert(1)" }],
    ["a coerced number", { retentionMonths: "1e1" }],
    ["an array for a number", { surveyFrequencyCapDays: [3] }],
    ["an unknown language", { defaultLanguages: ["fr"] }],
    ["an unknown field", { theme: "dark" }],
  ])("refuse %s and change nothing", async (_label, change) => {
    const before = await getCompanySettings();
    await expect(updateCompanySettings(staff.admin, { ...profile, ...change })).rejects.toBeInstanceOf(
      ZodError,
    );
    expect(await getCompanySettings()).toEqual(before);
  });
});
