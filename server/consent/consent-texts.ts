import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { consentTexts } from "@/db/schema";
import type { ConsentPurpose } from "@/lib/domain/consent";
import type { Locale } from "@/lib/i18n/config";
import { CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * Stores the wording of each purpose the first time this version is shown in this language, and
 * refuses to record a consent whose wording no longer matches the stored one (the wording changed
 * without a new version): what someone agreed to must stay provable.
 */
export async function pinConsentTexts(tx: Tx, locale: Locale, purposes: ConsentPurpose[]) {
  for (const purpose of purposes) {
    const text = consentText(locale, purpose);
    const hash = sha256(text);
    await tx
      .insert(consentTexts)
      .values({ version: CONSENT_TEXT_VERSION, language: locale, purpose, text, sha256: hash })
      .onConflictDoNothing();
    const [stored] = await tx
      .select({ sha256: consentTexts.sha256 })
      .from(consentTexts)
      .where(
        and(
          eq(consentTexts.version, CONSENT_TEXT_VERSION),
          eq(consentTexts.language, locale),
          eq(consentTexts.purpose, purpose),
        ),
      );
    if (stored?.sha256 !== hash) {
      throw new Error(`consent wording for ${purpose}/${locale} changed without a new version`);
    }
  }
}
