import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { surveys } from "@/db/schema";
import type { SurveyAnswers, SurveyQuestionView } from "@/lib/domain/surveys";
import type { Locale } from "@/lib/i18n/config";
import { localizeQuestions } from "@/lib/survey-logic";
import type { RespondentActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { questionsOfVersion } from "./template-versions";

export type SurveyPageView = {
  surveyId: string;
  questions: SurveyQuestionView[];
  /** The answers saved so far: the page starts from them (a reload, or coming back later). */
  answers: SurveyAnswers;
  savedAt: number | null;
};

/** The respondent's survey in their language, with what they have answered so far. */
export async function getSurveyPage(actor: RespondentActor, locale: Locale): Promise<SurveyPageView> {
  if (!can(actor, "survey.respond", { surveyId: actor.surveyId })) throw notFound();
  const row = await db.query.surveys.findFirst({ where: eq(surveys.id, actor.surveyId) });
  if (!row) throw notFound();
  const questions = await questionsOfVersion(db, row.templateVersionId);
  return {
    surveyId: row.id,
    questions: localizeQuestions(questions, locale),
    answers: row.draft ?? {},
    savedAt: row.draftSavedAt?.getTime() ?? null,
  };
}
