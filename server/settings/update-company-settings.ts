import "server-only";
import { db } from "@/db";
import { companySettings } from "@/db/schema";
import { zCompanySettings } from "@/lib/validation/company-settings";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import type { CompanyProfile } from "./get-company-settings";

/** An admin sets the company profile, currency, survey frequency cap and retention period. */
export async function updateCompanySettings(actor: Actor, input: unknown): Promise<CompanyProfile> {
  assertCan(actor, "settings.manage");
  const values = zCompanySettings.parse(input);
  await db.transaction(async (tx) => {
    const row = { ...values, updatedAt: new Date(), updatedBy: actor.userId };
    await tx
      .insert(companySettings)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: companySettings.id, set: row });
    await audit(tx, actor, "settings.update", "company_settings", "1");
  });
  return values;
}
