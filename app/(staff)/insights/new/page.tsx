import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/lib/dates";
import { parseEvidenceRef } from "@/lib/domain/notes";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listUntriagedComments } from "@/server/insights/list-untriaged-comments";
import { previewEvidence } from "@/server/insights/preview-evidence";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { InsightFields } from "../_components/insight-fields";
import { createInsightAction } from "../actions";

export const metadata: Metadata = { title: "New insight" };

const SOURCE: Record<string, string> = {
  room_note: "Room note",
  listening: "Listening log",
  survey: "Survey comment",
};

function Pick({
  value,
  id,
  checked,
  children,
}: {
  value: string;
  id: string;
  checked?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        name="evidence"
        value={value}
        defaultChecked={checked}
        className="mt-1 size-5 shrink-0 accent-blue-700"
      />
      <label htmlFor={id} className="text-sm">
        {children}
      </label>
    </div>
  );
}

export default async function NewInsightPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  if (!can(actor, "insight.create")) notFound();
  const sp = await searchParams;
  const chosen = (Array.isArray(sp.evidence) ? sp.evidence : sp.evidence ? [sp.evidence] : []).filter(
    (r) => parseEvidenceRef(r) !== null,
  );
  const [codes, comments, picked, settings] = await Promise.all([
    listActiveCodes(actor),
    listUntriagedComments(actor),
    chosen.length ? previewEvidence(actor, chosen).catch(() => []) : [],
    getCompanySettings(),
  ]);
  const comment = comments.filter((c) => !chosen.includes(`survey:${c.id}`));
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">New insight</h1>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <ActionForm action={createInsightAction}>
          <fieldset>
            <legend className="font-semibold">What customers said (evidence)</legend>
            <div className="mt-2 max-h-96 space-y-2 overflow-y-auto rounded-md border border-slate-200 p-3">
              {chosen.map((ref, i) => (
                <Pick key={ref} value={ref} id={`chosen-${i}`} checked>
                  <span className="block">“{picked[i]?.quote ?? "…"}”</span>
                  <span className="text-slate-600">
                    {SOURCE[picked[i]?.source ?? ""]} (selected in triage)
                  </span>
                </Pick>
              ))}
              {comment.map((c) => (
                <Pick key={c.id} value={`survey:${c.id}`} id={`e-${c.id}`}>
                  <span className="block">“{c.comment}”</span>
                  <span className="text-slate-600">
                    Survey comment · CSAT {c.csat} · NPS {c.nps} · {c.sessionTitle} ·{" "}
                    {formatDate(c.createdAt, actor.timeZone, LOCALE_TAGS[actor.language])}
                  </span>
                </Pick>
              ))}
              {chosen.length + comment.length === 0 && (
                <p className="text-sm text-slate-600">
                  Every survey comment is already evidence. Add notes from a session's triage page or the
                  listening log.
                </p>
              )}
            </div>
          </fieldset>
          <InsightFields codes={codes} currency={settings.currency} />
          <Button>Create insight</Button>
        </ActionForm>
      </div>
    </div>
  );
}
