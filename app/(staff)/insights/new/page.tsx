import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { can } from "@/server/auth/policy";
import { requireStaffPage } from "@/server/auth/staff";
import { listReasonCodes } from "@/server/insights/list-reason-codes";
import { listUntriagedComments } from "@/server/insights/list-untriaged-comments";
import { createInsightAction } from "../actions";

export const metadata: Metadata = { title: "New insight" };

export default async function NewInsightPage() {
  const actor = await requireStaffPage();
  if (!can(actor, "insight.create")) notFound();
  const [codes, comments] = await Promise.all([listReasonCodes(actor), listUntriagedComments(actor)]);
  const axis = [
    { value: "irritant", label: "Irritant" },
    { value: "value", label: "Value" },
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">New insight</h1>
      <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <ActionForm action={createInsightAction}>
          <fieldset>
            <legend className="font-semibold">What customers said (evidence)</legend>
            <div className="mt-2 max-h-96 space-y-2 overflow-y-auto rounded-md border border-slate-200 p-3">
              {comments.map((c) => (
                <div key={c.id} className="flex items-start gap-3">
                  <input
                    id={`e-${c.id}`}
                    type="checkbox"
                    name="evidenceResponseIds"
                    value={c.id}
                    className="mt-1 size-5 shrink-0 accent-blue-700"
                  />
                  <label htmlFor={`e-${c.id}`} className="text-sm">
                    <span className="block">“{c.comment}”</span>
                    <span className="text-slate-600">
                      CSAT {c.csat} · NPS {c.nps} · {c.sessionTitle} ·{" "}
                      {formatDate(c.createdAt, actor.timeZone)}
                    </span>
                  </label>
                </div>
              ))}
              {comments.length === 0 && (
                <p className="text-sm text-slate-600">Every comment is already evidence for an insight.</p>
              )}
            </div>
          </fieldset>
          <TextField
            label="Insight"
            name="title"
            required
            maxLength={200}
            placeholder="Customers are passed between departments about bills"
          />
          <TextArea label="Summary" name="summary" rows={3} />
          <fieldset>
            <legend className="font-semibold">Reason codes</legend>
            <div className="mt-2 grid gap-1 sm:grid-cols-2">
              {codes.map((c) => (
                <div key={c.id} className="flex items-start gap-2">
                  <input
                    id={`r-${c.id}`}
                    type="checkbox"
                    name="reasonCodeIds"
                    value={c.id}
                    className="mt-1 size-5 accent-blue-700"
                  />
                  <label htmlFor={`r-${c.id}`} className="text-sm">
                    #{c.number} {c.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="For customers it is a…" name="customerAxis" options={axis} />
            <SelectField label="For the company it is a…" name="companyAxis" options={axis} />
          </div>
          <fieldset className="grid gap-4 sm:grid-cols-3">
            <legend className="col-span-full font-semibold">Monthly cost</legend>
            <TextField
              label="Contacts per month"
              name="contactsPerMonth"
              type="number"
              min={0}
              defaultValue={0}
            />
            <TextField
              label="Minutes per contact"
              name="handlingMinutes"
              type="number"
              min={0}
              step="0.1"
              defaultValue={0}
            />
            <TextField
              label="Hourly cost (£)"
              name="hourlyCost"
              type="number"
              min={0}
              step="0.01"
              defaultValue={0}
            />
            <TextField
              label="Customers at risk"
              name="customersAtRisk"
              type="number"
              min={0}
              defaultValue={0}
            />
            <TextField
              label="Lifetime value (£)"
              name="lifetimeValue"
              type="number"
              min={0}
              step="0.01"
              defaultValue={0}
            />
          </fieldset>
          <Button>Create insight</Button>
        </ActionForm>
      </div>
    </div>
  );
}
