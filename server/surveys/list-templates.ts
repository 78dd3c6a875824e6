import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { surveyFormatDefaults, surveyResponses, surveyTemplates, surveyTemplateVersions } from "@/db/schema";
import type { SessionFormat } from "@/lib/domain/sessions";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { missingLanguages } from "@/lib/survey-logic";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

export type TemplateSummary = {
  id: string;
  name: string;
  version: number;
  questionCount: number;
  defaultFor: SessionFormat[];
  responses: number;
  missingTranslations: number;
};

/** Every template with its newest version, the formats it is the default for and its responses. */
export async function listSurveyTemplates(actor: Actor): Promise<TemplateSummary[]> {
  assertCan(actor, "survey.template.manage");
  return templateSummaries();
}

/** The same list for pickers (the session page): names only need reading sessions. */
export async function templateSummaries(): Promise<TemplateSummary[]> {
  const templates = await db.select().from(surveyTemplates).orderBy(surveyTemplates.name);
  const versions = await db
    .select()
    .from(surveyTemplateVersions)
    .orderBy(desc(surveyTemplateVersions.version));
  const defaults = await db.select().from(surveyFormatDefaults);
  const counts = await db
    .select({ templateId: surveyTemplateVersions.templateId, n: sql<number>`count(${surveyResponses.id})` })
    .from(surveyTemplateVersions)
    .leftJoin(surveyResponses, eq(surveyResponses.templateVersionId, surveyTemplateVersions.id))
    .groupBy(surveyTemplateVersions.templateId);
  return templates
    .filter((t) => !t.archivedAt)
    .map((t) => {
      const latest = versions.find((v) => v.templateId === t.id);
      const questions: SurveyQuestion[] = latest?.questions ?? [];
      return {
        id: t.id,
        name: t.name,
        version: latest?.version ?? 0,
        questionCount: questions.length,
        defaultFor: defaults.filter((d) => d.templateId === t.id).map((d) => d.format),
        responses: counts.find((c) => c.templateId === t.id)?.n ?? 0,
        missingTranslations: questions.filter((q) => missingLanguages(q, ["zh", "vi"]).length).length,
      };
    });
}

/** One template for the builder: its newest version's questions, and its history. */
export async function getSurveyTemplate(actor: Actor, id: string) {
  assertCan(actor, "survey.template.manage");
  const template = await db.query.surveyTemplates.findFirst({ where: eq(surveyTemplates.id, id) });
  if (!template) throw notFound("No such template");
  const versions = await db
    .select({
      id: surveyTemplateVersions.id,
      version: surveyTemplateVersions.version,
      questions: surveyTemplateVersions.questions,
      createdAt: surveyTemplateVersions.createdAt,
      responses: sql<number>`(select count(*) from survey_responses r where r.template_version_id = ${surveyTemplateVersions.id})`,
    })
    .from(surveyTemplateVersions)
    .where(eq(surveyTemplateVersions.templateId, id))
    .orderBy(desc(surveyTemplateVersions.version));
  const defaults = await db
    .select()
    .from(surveyFormatDefaults)
    .where(eq(surveyFormatDefaults.templateId, id));
  const latest = versions[0];
  return {
    id: template.id,
    name: template.name,
    questions: latest?.questions ?? [],
    version: latest?.version ?? 0,
    defaultFor: defaults.map((d) => d.format),
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt, responses: v.responses })),
  };
}
