import "server-only";
import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { surveyFormatDefaults, surveys, surveyTemplates, surveyTemplateVersions } from "@/db/schema";
import { type SaveTemplateInput, zSaveTemplate } from "@/lib/validation/surveys";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

/**
 * Creates a template, or saves an edit. The newest version is edited in place only while no
 * survey was sent with it; once one was (and so a response may point at it), the edit becomes
 * the next version and the old one stays exactly as answered. The formats listed in `defaultFor`
 * send this template from now on unless a session picks another.
 */
export async function saveSurveyTemplate(actor: Actor, raw: SaveTemplateInput) {
  assertCan(actor, "survey.template.manage");
  const input = zSaveTemplate.parse(raw);
  return db.transaction(async (tx) => {
    let templateId = input.templateId;
    let version = 1;
    let newVersion = true;
    if (!templateId) {
      const [t] = await tx
        .insert(surveyTemplates)
        .values({ name: input.name, createdById: actor.userId })
        .returning({ id: surveyTemplates.id });
      if (!t) throw new Error("template insert returned nothing");
      templateId = t.id;
      await tx.insert(surveyTemplateVersions).values({ templateId, version, questions: input.questions });
    } else {
      const existing = await tx.query.surveyTemplates.findFirst({
        where: eq(surveyTemplates.id, templateId),
      });
      if (!existing) throw notFound("No such template");
      await tx.update(surveyTemplates).set({ name: input.name }).where(eq(surveyTemplates.id, templateId));
      const latest = await tx.query.surveyTemplateVersions.findFirst({
        where: eq(surveyTemplateVersions.templateId, templateId),
        orderBy: desc(surveyTemplateVersions.version),
      });
      const [used] = latest
        ? await tx
            .select({ n: sql<number>`count(*)` })
            .from(surveys)
            .where(eq(surveys.templateVersionId, latest.id))
        : [];
      if (latest && !used?.n) {
        version = latest.version;
        newVersion = false;
        await tx
          .update(surveyTemplateVersions)
          .set({ questions: input.questions })
          .where(eq(surveyTemplateVersions.id, latest.id));
      } else {
        version = (latest?.version ?? 0) + 1;
        await tx.insert(surveyTemplateVersions).values({ templateId, version, questions: input.questions });
      }
    }
    await tx
      .delete(surveyFormatDefaults)
      .where(
        and(
          eq(surveyFormatDefaults.templateId, templateId),
          input.defaultFor.length ? notInArray(surveyFormatDefaults.format, input.defaultFor) : undefined,
        ),
      );
    for (const format of input.defaultFor)
      await tx
        .insert(surveyFormatDefaults)
        .values({ format, templateId })
        .onConflictDoUpdate({ target: surveyFormatDefaults.format, set: { templateId } });
    await audit(tx, actor, newVersion ? "template_version" : "template_edit", "survey_template", templateId);
    return { id: templateId, version, newVersion };
  });
}
