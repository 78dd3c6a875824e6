import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { assertCan } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { FORMAT_CHOICES } from "../../../sessions/format-labels";
import { TemplateBuilder } from "../../_components/template-builder";
import { previewLabels } from "../../preview-labels";

export const metadata: Metadata = { title: "New survey template" };

const START: SurveyQuestion[] = [{ id: "q1", type: "csat", required: true, text: { en: "" } }];

export default async function NewTemplatePage() {
  const actor = await requireStaffPage();
  await orNotFound(Promise.resolve().then(() => assertCan(actor, "survey.template.manage")));
  return (
    <div className="space-y-4">
      <Link href="/surveys" className="text-sm text-blue-800 underline">
        ← Surveys
      </Link>
      <h1 className="text-3xl font-bold tracking-tight">New survey template</h1>
      <TemplateBuilder
        initial={{ name: "", questions: START, defaultFor: [] }}
        formats={FORMAT_CHOICES}
        labels={await previewLabels()}
      />
    </div>
  );
}
