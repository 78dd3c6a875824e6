import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import { formatDate, formatDateTime } from "@/lib/dates";
import { getActionItem } from "@/server/action-items/get-action-item";
import { requireStaffPage } from "@/server/auth/staff";
import { moveActionItemAction } from "../../insights/actions";

export const metadata: Metadata = { title: "Action" };

function Move({
  actionId,
  to,
  label,
  variant = "primary",
  note,
}: {
  actionId: string;
  to: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  note?: { label: string; required: boolean };
}) {
  return (
    <ActionForm action={moveActionItemAction} className="space-y-3">
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="to" value={to} />
      {note && <TextArea name="note" label={note.label} required={note.required} rows={3} />}
      <Button variant={variant}>{label}</Button>
    </ActionForm>
  );
}

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const a = await orNotFound(getActionItem(actor, id));
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/insights/${a.insightId}`} className="text-sm text-blue-800 hover:underline">
        ← {a.insight}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{a.title}</h1>
          <p className="mt-1 text-slate-700">
            {a.department} · owner {a.owner} · due {formatDate(a.deadline, actor.timeZone)}
          </p>
        </div>
        <Badge status={a.status} />
      </div>
      {a.resolutionNote && (
        <Card title="Resolution">
          <p className="whitespace-pre-line">{a.resolutionNote}</p>
        </Card>
      )}
      <Card title="Next step">
        <div className="space-y-6">
          {a.canWork && a.status === "open" && (
            <Move actionId={a.id} to="in_progress" label="Start work" variant="secondary" />
          )}
          {a.canWork && (a.status === "open" || a.status === "in_progress") && (
            <Move
              actionId={a.id}
              to="done"
              label="Mark as done"
              note={{ label: "What was changed (resolution note)", required: true }}
            />
          )}
          {a.canVerify && a.status === "done" && (
            <>
              <Move
                actionId={a.id}
                to="verified"
                label="Verify: the change is real"
                note={{ label: "How you checked (optional)", required: false }}
              />
              <Move
                actionId={a.id}
                to="open"
                label="Reopen"
                variant="secondary"
                note={{ label: "Why it is reopened", required: false }}
              />
            </>
          )}
          {!a.canWork && !(a.canVerify && a.status === "done") && (
            <p className="text-slate-600">Nothing for you to do here.</p>
          )}
        </div>
      </Card>
      <Card title="Timeline">
        <ol className="space-y-3">
          {a.timeline.map((e) => (
            <li key={e.id} className="text-sm">
              <p>
                <span className="font-medium">{e.actor}</span>{" "}
                {e.fromStatus ? `moved it from ${e.fromStatus.replace("_", " ")} to` : "created it as"}{" "}
                <span className="font-medium">{e.toStatus.replace("_", " ")}</span>
                <span className="text-slate-600"> · {formatDateTime(e.at, actor.timeZone)}</span>
              </p>
              {e.note && <p className="mt-1 whitespace-pre-line text-slate-700">{e.note}</p>}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
