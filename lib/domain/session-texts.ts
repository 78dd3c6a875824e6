// A session's customer-facing texts (title, description, agenda) in the customers' languages.
import type { Language } from "./languages";

export const SESSION_TEXT_FIELDS = ["title", "description", "agenda"] as const;
export type SessionTextField = (typeof SESSION_TEXT_FIELDS)[number];
/** The languages besides English a session's texts can be given in (English is the session's own). */
export const TRANSLATED_LANGUAGES = ["zh", "vi"] as const satisfies readonly Language[];
export type TranslatedLanguage = (typeof TRANSLATED_LANGUAGES)[number];
export type SessionTranslations = Partial<
  Record<TranslatedLanguage, Partial<Record<SessionTextField, string>>>
>;

/**
 * The texts a customer reading `language` sees: each field in their language when it was given,
 * otherwise the English one — field by field, so a missing agenda never leaves an empty gap.
 */
export function sessionTextsIn(
  session: Record<SessionTextField, string> & { translations?: SessionTranslations | null },
  language: Language,
): Record<SessionTextField, string> {
  const given = language === "en" ? undefined : session.translations?.[language];
  const pick = (f: SessionTextField) => given?.[f]?.trim() || session[f];
  return { title: pick("title"), description: pick("description"), agenda: pick("agenda") };
}
