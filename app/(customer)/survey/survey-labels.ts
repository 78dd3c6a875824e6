import "server-only";
import { getTranslations } from "next-intl/server";
import { createTranslator } from "use-intl/core";
import type { SurveyLabels } from "@/components/survey/survey-questions";
import type { Locale } from "@/lib/i18n/config";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import zh from "@/messages/zh.json";

const MESSAGES = { en, zh, vi } as const;

/**
 * The survey's own words: in the request's language (the survey page), or in a given one (the
 * builder's preview shows all three, whatever the staff member's own language).
 */
export async function surveyLabels(locale?: Locale): Promise<SurveyLabels> {
  const t = locale
    ? createTranslator({ locale, messages: MESSAGES[locale], namespace: "survey" })
    : await getTranslations("survey");
  return {
    progress: t.raw("progress") as string,
    required: t("required"),
    optional: t("optional"),
    csat: [t("csat_1"), t("csat_2"), t("csat_3"), t("csat_4"), t("csat_5")],
    npsLow: t("npsLow"),
    npsHigh: t("npsHigh"),
    cesLow: t("cesLow"),
    cesHigh: t("cesHigh"),
    chooseAll: t("chooseAll"),
    errors: {
      required: t("errRequired"),
      range: t("errRange"),
      choice: t("errChoice"),
      tooLong: t("errTooLong"),
    },
  };
}
