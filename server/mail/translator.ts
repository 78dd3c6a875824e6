import "server-only";
import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import zh from "@/messages/zh.json";

const MESSAGES = { en, zh, vi } as const;

/** Translator for customer emails, in the customer's own language. */
export function emailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "email" });
}
