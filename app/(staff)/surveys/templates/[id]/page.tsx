import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { formatDateTime } from "@/lib/dates";
import { requireStaffPage } from "@/server/auth/staff";
import { getSurveyTemplate } from "@/server/surveys/list-templates";
import { FORMAT_CHOICES } from "../../../sessions/format-labels";
import { TemplateBuilder } from "../../_components/template-builder";
import { previewLabels } from "../../preview-labels";

export const metadata: Metadata = { title: "Survey template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const t = await orNotFound(getSurveyTemplate(actor, id));
  return (
    <div className="space-y-4">
      <Link href="/surveys" className="text-sm text-blue-800 underline">
        ← Surveys
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">{t.name}</h1>
      <p className="text-sm text-slate-700">
        Version {t.version}.{" "}
        {t.versions.length > 1
          ? `Earlier versions: ${t.versions
              .slice(1)
              .map(
                (v) =>
                  `v${v.version} (${v.responses} responses, ${formatDateTime(v.createdAt, actor.timeZone)})`,
              )
              .join("; ")}.`
          : ""}{" "}
        Editing a version that was already sent saves a new version; answers keep the one they answered.
      </p>
      <TemplateBuilder
        key={`${t.id}-${t.version}`}
        initial={{
          id: t.id,
          name: t.name,
          questions: t.questions,
          defaultFor: t.defaultFor,
          version: t.version,
        }}
        formats={FORMAT_CHOICES}
        labels={await previewLabels()}
      />
    </div>
  );
}
