import { createTranslator } from "use-intl/core";
import type { ConsentPurpose } from "@/lib/domain/consent";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import zh from "@/messages/zh.json";
import type { Locale } from "./config";

/**
 * Version of the consent wording on the landing page. Changing any wording in any language means
 * a new version: server/consent/consent-lock.json pins each version's texts by hash, and its test
 * fails when a text changes under an old version.
 */
export const CONSENT_TEXT_VERSION = "2026-11-v1";

const MESSAGES = { en, zh, vi } as const;
const KEYS = {
  participate: "consentParticipate",
  quote_anonymously: "consentQuote",
  record: "consentRecord",
  contact_after: "consentContact",
} as const satisfies Record<ConsentPurpose, string>;

export const CONSENT_PURPOSES_SHOWN = Object.keys(KEYS) as ConsentPurpose[];

/** The exact sentence a customer sees (and agrees to) for one purpose in one language. */
export function consentText(locale: Locale, purpose: ConsentPurpose): string {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "invite" })(KEYS[purpose]);
}
