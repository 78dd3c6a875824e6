import "server-only";
import { getTranslations } from "next-intl/server";
import type { SurveyLabels } from "@/components/survey/survey-questions";
import type { Locale } from "@/lib/i18n/config";

/** The survey's own words in one language: the survey page, and the builder's preview of it. */
export async function surveyLabels(locale?: Locale): Promise<SurveyLabels> {
  const t = locale ? await getTranslations({ locale, namespace: "survey" }) : await getTranslations("survey");
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
