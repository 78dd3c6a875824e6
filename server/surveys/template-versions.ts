import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { surveyTemplateVersions } from "@/db/schema";
import { CLASSIC_QUESTIONS, type SurveyQuestion } from "@/lib/domain/surveys";

// A version a survey was sent with never changes (save-template.ts adds a new one instead), so
// its questions can be kept in memory: the submit path then reads no template at all.
const cache = new Map<string, SurveyQuestion[]>();
const CACHE_MAX = 500;

/** The questions a survey answers: its template version's, or the classic form's (null). */
export async function questionsOfVersion(tx: Tx, versionId: string | null): Promise<SurveyQuestion[]> {
  if (!versionId) return CLASSIC_QUESTIONS;
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await tx.query.surveyTemplateVersions.findFirst({
    where: eq(surveyTemplateVersions.id, versionId),
  });
  if (!row) return CLASSIC_QUESTIONS;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(versionId, row.questions);
  return row.questions;
}

/** The newest version of a template. */
export async function latestVersion(tx: Tx, templateId: string) {
  return tx.query.surveyTemplateVersions.findFirst({
    where: eq(surveyTemplateVersions.templateId, templateId),
    orderBy: desc(surveyTemplateVersions.version),
  });
}
