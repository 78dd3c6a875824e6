import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { parseEvidenceRef } from "@/lib/domain/notes";
import { requireStaffPage } from "@/server/auth/staff";
import { getInsight } from "@/server/insights/get-insight";
import { previewEvidence } from "@/server/insights/preview-evidence";
import { attachEvidenceAction } from "../actions";

export const metadata: Metadata = { title: "Add evidence" };

const SOURCE: Record<string, string> = {
  room_note: "Room note",
  listening: "Listening log",
  survey: "Survey comment",
};

/**
 * Where a triage selection lands (a GET: nothing changes here). "New insight" goes on to the new
 * insight form with the selection ticked; "add to" asks before attaching.
 */
export default async function FromNotesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffPage();
  const sp = await searchParams;
  const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
  const refs = all(sp.evidence).filter((r) => parseEvidenceRef(r) !== null);
  const to = all(sp.to)[0];
  const insightId = all(sp.insight)[0];
  if (!refs.length)
    return (
      <Card title="Nothing selected">
        <p>Tick one or more notes first, then choose what to do with them.</p>
      </Card>
    );
  if (to !== "existing" || !insightId)
    redirect(`/insights/new?${refs.map((r) => `evidence=${encodeURIComponent(r)}`).join("&")}`);
  const [insight, preview] = await Promise.all([
    orNotFound(getInsight(actor, insightId)),
    orNotFound(previewEvidence(actor, refs)),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Add evidence to “{insight.title}”</h1>
      <Card title={`${preview.length} selected`}>
        <ul className="space-y-2">
          {preview.map((p) => (
            <li key={`${p.source}${p.quote}`} className="text-sm">
              <span className="font-semibold">{SOURCE[p.source]}: </span>“{p.quote}”
            </li>
          ))}
        </ul>
        <ActionForm action={attachEvidenceAction} className="mt-4 flex gap-3">
          <input type="hidden" name="insightId" value={insight.id} />
          {refs.map((r) => (
            <input key={r} type="hidden" name="evidence" value={r} />
          ))}
          <Button>Add {preview.length === 1 ? "it" : `all ${preview.length}`} as evidence</Button>
          <Link href={`/insights/${insight.id}`} className="self-center text-sm text-blue-800 underline">
            Cancel
          </Link>
        </ActionForm>
      </Card>
    </div>
  );
}
