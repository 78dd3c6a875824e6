import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { isOpenWork } from "@/lib/domain/action-statuses";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { getActionItem } from "@/server/action-items/get-action-item";
import { requireStaffPage } from "@/server/auth/staff";
import { commentActionItemAction, editActionItemAction, moveActionItemAction } from "../actions";
import { ActionTimeline } from "./_components/action-timeline";
import { TellCustomers } from "./_components/tell-customers";

export const metadata: Metadata = { title: "Action" };

function Move({
  actionId,
  to,
  label,
  variant = "primary",
  note,
  evidence = false,
}: {
  actionId: string;
  to: string;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  note?: { label: string; required: boolean };
  evidence?: boolean;
}) {
  return (
    <ActionForm action={moveActionItemAction} className="space-y-3">
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="to" value={to} />
      {note && <TextArea name="note" label={note.label} required={note.required} rows={3} />}
      {evidence && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            name="evidenceUrl"
            type="url"
            label="Link to the evidence (optional)"
            hint="A changed page, a ticket, a published letter"
          />
          <TextField name="evidenceFileName" label="File name (optional)" hint="A document kept elsewhere" />
        </div>
      )}
      <Button variant={variant}>{label}</Button>
    </ActionForm>
  );
}

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const a = await orNotFound(getActionItem(actor, id));
  const overdue = isOpenWork(a.status) && a.deadline.getTime() < Date.now();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href={`/insights/${a.insightId}`} className="text-sm text-blue-800 hover:underline">
        ← {a.insight}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">{a.title}</h1>
          <p className="mt-1 text-slate-700">
            {a.department} · owner {a.owner} ·{" "}
            <span className={overdue ? "font-bold text-red-800" : ""}>
              {overdue ? "overdue since" : "due"}{" "}
              {formatDate(a.deadline, actor.timeZone, LOCALE_TAGS[actor.language])}
            </span>
          </p>
        </div>
        <Badge status={a.status} />
      </div>
      {a.resolutionNote && (
        <Card title="What was changed">
          <p className="whitespace-pre-line">{a.resolutionNote}</p>
          {(a.evidenceUrl || a.evidenceFileName) && (
            <dl className="mt-3 space-y-1 text-sm">
              {a.evidenceUrl && (
                <div>
                  <dt className="inline font-medium">Evidence: </dt>
                  <dd className="inline">
                    <a href={a.evidenceUrl} className="text-blue-800 underline" rel="noreferrer noopener">
                      {a.evidenceUrl}
                    </a>
                  </dd>
                </div>
              )}
              {a.evidenceFileName && (
                <div>
                  <dt className="inline font-medium">File: </dt>
                  <dd className="inline">{a.evidenceFileName}</dd>
                </div>
              )}
            </dl>
          )}
        </Card>
      )}
      <Card title="Next step">
        <div className="space-y-6">
          {a.canWork && a.status === "open" && (
            <Move actionId={a.id} to="in_progress" label="Start work" variant="secondary" />
          )}
          {a.canWork && isOpenWork(a.status) && (
            <Move
              actionId={a.id}
              to="done"
              label="Mark as done"
              note={{ label: "What was changed (resolution note)", required: true }}
              evidence
            />
          )}
          {a.canVerify && a.status === "done" && (
            <Move
              actionId={a.id}
              to="verified"
              label="Verify: the change is real"
              note={{ label: "How you checked (optional)", required: false }}
            />
          )}
          {a.canVerify && (a.status === "done" || a.status === "verified") && (
            <Move
              actionId={a.id}
              to="open"
              label="Reopen"
              variant="secondary"
              note={{ label: "Why it is reopened", required: true }}
            />
          )}
          {!(a.canWork && isOpenWork(a.status)) && !(a.canVerify && !isOpenWork(a.status)) && (
            <p className="text-slate-600">Nothing for you to do here.</p>
          )}
        </div>
      </Card>
      {a.customers && <TellCustomers actionId={a.id} view={a.customers} />}
      {a.canEdit && (
        <Card title="Edit or reassign">
          <ActionForm action={editActionItemAction} className="space-y-4">
            <input type="hidden" name="actionId" value={a.id} />
            <TextField name="title" label="Action" defaultValue={a.title} required />
            <SelectField
              name="assignee"
              label="Department and owner"
              defaultValue={`${a.departmentId}:${a.ownerId}`}
              options={a.departments.flatMap((d) =>
                d.members.map((m) => ({
                  value: `${d.id}:${m.id}`,
                  label: `${d.name} — ${m.name}${m.isOwner ? " (owner)" : ""}`,
                })),
              )}
            />
            <TextField name="deadline" type="date" label="Deadline" defaultValue={a.deadlineDay} required />
            <TextField name="reason" label="Why (optional, shown on the timeline)" />
            <Button variant="secondary">Save changes</Button>
          </ActionForm>
        </Card>
      )}
      <Card title="Timeline">
        <ActionForm action={commentActionItemAction} className="mb-6 space-y-3">
          <input type="hidden" name="actionId" value={a.id} />
          <TextArea name="text" label="Add a comment" rows={2} required />
          <Button variant="secondary">Comment</Button>
        </ActionForm>
        <ActionTimeline entries={a.timeline} timeZone={actor.timeZone} />
      </Card>
    </div>
  );
}
