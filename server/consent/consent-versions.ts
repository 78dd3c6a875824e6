import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db";
import { consentTexts, consentVersions } from "@/db/schema";
import type { ConsentPurpose } from "@/lib/domain/consent";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { CONSENT_PURPOSES_SHOWN, CONSENT_TEXT_VERSION, consentText } from "@/lib/i18n/consent-texts";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { sha256 } from "./consent-texts";

export type ConsentWording = Record<ConsentPurpose, string>;

/** The form field of one purpose in one language, e.g. `participate_vi`. */
export const consentField = (purpose: ConsentPurpose, locale: Locale) => `${purpose}_${locale}`;

/** A new version: every purpose in every language, none empty (a customer never sees a gap). */
export const zConsentVersion = z.strictObject(
  Object.fromEntries(
    CONSENT_PURPOSES_SHOWN.flatMap((p) =>
      LOCALES.map((l) => [
        consentField(p, l),
        z.string().trim().min(1, "Write this text in this language").max(1000, "At most 1,000 characters"),
      ]),
    ),
  ) as Record<string, z.ZodString>,
);

/** The version new invitations get: the newest an admin wrote, else the wording built into the code. */
export async function currentConsentVersion(q: Tx = db): Promise<string> {
  const [row] = await q
    .select({ version: consentVersions.version })
    .from(consentVersions)
    .orderBy(desc(consentVersions.createdAt), desc(consentVersions.version))
    .limit(1);
  return row?.version ?? CONSENT_TEXT_VERSION;
}

/** The exact wording of one version in one language (an admin's version from its stored rows). */
export async function consentWording(q: Tx, version: string, locale: Locale): Promise<ConsentWording> {
  if (version === CONSENT_TEXT_VERSION)
    return Object.fromEntries(
      CONSENT_PURPOSES_SHOWN.map((p) => [p, consentText(locale, p)]),
    ) as ConsentWording;
  const rows = await q
    .select({ purpose: consentTexts.purpose, text: consentTexts.text })
    .from(consentTexts)
    .where(and(eq(consentTexts.version, version), eq(consentTexts.language, locale)));
  const wording = Object.fromEntries(rows.map((r) => [r.purpose, r.text])) as Partial<ConsentWording>;
  for (const p of CONSENT_PURPOSES_SHOWN)
    if (!wording[p]) throw new Error(`consent version ${version} has no ${p} text in ${locale}`);
  return wording as ConsentWording;
}

export type ConsentVersionRow = {
  version: string;
  createdAt: Date | null;
  current: boolean;
  texts: Record<Locale, ConsentWording>;
};

/** Every version, newest first, with its texts in each language (admins). */
export async function listConsentVersions(actor: Actor): Promise<ConsentVersionRow[]> {
  assertCan(actor, "consent.manage");
  const written = await db
    .select()
    .from(consentVersions)
    .orderBy(desc(consentVersions.createdAt), desc(consentVersions.version));
  const current = written[0]?.version ?? CONSENT_TEXT_VERSION;
  const versions = [
    ...written.map((w) => ({ version: w.version, createdAt: w.createdAt as Date | null })),
    { version: CONSENT_TEXT_VERSION, createdAt: null },
  ];
  return Promise.all(
    versions.map(async (v) => ({
      ...v,
      current: v.version === current,
      texts: Object.fromEntries(
        await Promise.all(LOCALES.map(async (l) => [l, await consentWording(db, v.version, l)] as const)),
      ) as Record<Locale, ConsentWording>,
    })),
  );
}

/**
 * Writes a new consent version in every language. It is in force for invitations made from now
 * on; invitations already sent keep the version they were made with, and every consent records
 * the version it was given under. Stored texts can never be changed or deleted (a trigger).
 */
export async function createConsentVersion(actor: Actor, raw: unknown): Promise<{ version: string }> {
  assertCan(actor, "consent.manage");
  const input = zConsentVersion.parse(raw);
  return db.transaction(async (tx) => {
    const count = await tx.$count(consentVersions);
    const version = `${new Date().toISOString().slice(0, 10)}-v${count + 2}`;
    await tx
      .insert(consentVersions)
      .values({ version, createdById: actor.kind === "staff" ? actor.userId : null });
    await tx.insert(consentTexts).values(
      CONSENT_PURPOSES_SHOWN.flatMap((purpose) =>
        LOCALES.map((language) => {
          const text = input[consentField(purpose, language)]!;
          return { version, language, purpose, text, sha256: sha256(text) };
        }),
      ),
    );
    await audit(tx, actor, "consent_version.create", "consent_version", version);
    return { version };
  });
}
