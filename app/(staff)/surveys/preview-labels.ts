import "server-only";
import { surveyLabels } from "@/app/(customer)/survey/survey-labels";
import type { SurveyLabels } from "@/components/survey/survey-questions";
import type { Language } from "@/lib/domain/languages";

/** The survey page's words in every language, for the builder's preview. */
export async function previewLabels(): Promise<Record<Language, SurveyLabels>> {
  return { en: await surveyLabels("en"), zh: await surveyLabels("zh"), vi: await surveyLabels("vi") };
}
