"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ErrorTexts } from "@/lib/i18n/fallback-error-texts";
import { FALLBACK_ERROR_TEXTS } from "@/lib/i18n/fallback-error-texts";

const Texts = createContext<ErrorTexts | null>(null);

/** Gives the error boundaries below it their texts, translated on the server by the layout. */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: ReactNode }) {
  return <Texts.Provider value={texts}>{children}</Texts.Provider>;
}

/** The error texts in the visitor's language (error boundaries are client code: no getTranslations). */
export const useErrorTexts = () => useContext(Texts) ?? FALLBACK_ERROR_TEXTS.en;
