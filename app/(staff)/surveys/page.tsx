import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { orNotFound } from "@/app/_lib/page-guard";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listSurveyTemplates } from "@/server/surveys/list-templates";
import { FORMAT_LABELS } from "../sessions/format-labels";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage() {
  const actor = await requireStaffPage();
  // Reading responses is for every staff role; building templates only for those who run sessions.
  if (!can(actor, "survey.template.manage")) redirect("/surveys/responses");
  const templates = await orNotFound(listSurveyTemplates(actor));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Surveys</h1>
        <div className="flex gap-2">
          <Link href="/surveys/responses" className={buttonClass("secondary")}>
            Responses
          </Link>
          <Link href="/surveys/templates/new" className={buttonClass()}>
            New template
          </Link>
        </div>
      </div>
      <Card title="Templates">
        {templates.length === 0 ? (
          <p className="text-slate-700">
            No templates yet. Sessions send the classic form (CSAT, NPS, a comment).
          </p>
        ) : (
          <ul className="divide-y divide-slate-200">
            {templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <Link href={`/surveys/templates/${t.id}`} className="font-semibold text-blue-800 underline">
                    {t.name}
                  </Link>
                  <p className="text-sm text-slate-700">
                    Version {t.version} · {t.questionCount} question{t.questionCount === 1 ? "" : "s"} ·{" "}
                    {t.responses} response{t.responses === 1 ? "" : "s"}
                    {t.defaultFor.length
                      ? ` · default for ${t.defaultFor.map((f) => FORMAT_LABELS[f]).join(", ")}`
                      : ""}
                  </p>
                </div>
                {t.missingTranslations ? (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                    {t.missingTranslations} missing translation{t.missingTranslations === 1 ? "" : "s"}
                  </span>
                ) : (
                  <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">
                    English, 中文, Tiếng Việt
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
