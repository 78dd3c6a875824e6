export const LOCALES = ["en", "zh", "vi"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "im_lang";

/** BCP 47 tags for Intl formatting and the html lang attribute. */
export const LOCALE_TAGS: Record<Locale, string> = { en: "en-GB", zh: "zh-CN", vi: "vi-VN" };
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", zh: "简体中文", vi: "Tiếng Việt" };

export const isLocale = (v: unknown): v is Locale =>
  typeof v === "string" && (LOCALES as readonly string[]).includes(v);
