import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { listDepartmentsWithMembers } from "@/server/action-items/list-departments-with-members";
import { requireStaffPage } from "@/server/auth/staff";
import { getInsight } from "@/server/insights/get-insight";
import { createActionItemAction } from "../actions";
import { gridAdvice } from "../grid-labels";

export const metadata: Metadata = { title: "Insight" };

const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});

export default async function InsightPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const i = await orNotFound(getInsight(actor, id));
  const departments = i.canAddActionItem ? await listDepartmentsWithMembers(actor) : [];
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">{i.codes.map((c) => `#${c.number} ${c.label}`).join(" · ")}</p>
        <h1 className="text-3xl font-bold tracking-tight">{i.title}</h1>
        {i.summary && <p className="mt-2 max-w-3xl text-slate-700">{i.summary}</p>}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`What we heard (${i.evidence.length})`}>
            <ul className="space-y-3">
              {i.evidence.map((e) => (
                <li key={e.id}>
                  <blockquote className="border-l-4 border-blue-200 pl-3 text-slate-800">
                    “{e.quote}”
                  </blockquote>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Actions">
            <ul className="divide-y divide-slate-100">
              {i.actionItems.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <Link href={`/actions/${a.id}`} className="font-medium text-blue-800 hover:underline">
                      {a.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {a.department} · {a.owner} · due {formatDate(a.deadline, actor.timeZone)}
                    </p>
                  </div>
                  <Badge status={a.status} />
                </li>
              ))}
              {i.actionItems.length === 0 && <li className="py-2 text-slate-600">No actions yet.</li>}
            </ul>
            {i.canAddActionItem && (
              <div className="mt-6 border-t border-slate-200 pt-4">
                <h3 className="font-semibold">Assign an action</h3>
                <ActionForm action={createActionItemAction} className="mt-3 space-y-4">
                  <input type="hidden" name="insightId" value={i.id} />
                  <TextField label="What will change" name="title" required maxLength={300} />
                  <div className="grid gap-4 sm:grid-cols-2">
                    <div>
                      <label htmlFor="assignee" className="block text-sm font-medium">
                        Department and owner
                      </label>
                      <select
                        id="assignee"
                        name="assignee"
                        required
                        className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2"
                      >
                        {departments.map((d) => (
                          <optgroup key={d.id} label={d.name}>
                            {d.members.map((m) => (
                              <option key={m.id} value={`${d.id}:${m.id}`}>
                                {d.name} — {m.name}
                                {m.isOwner ? " (owner)" : ""}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                      </select>
                    </div>
                    <TextField label="Deadline" name="deadline" type="date" required />
                  </div>
                  <Button>Assign action</Button>
                </ActionForm>
              </div>
            )}
          </Card>
        </div>
        <Card title="Grid and cost">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt className="text-slate-600">Customers see a</dt>
              <dd className="font-medium capitalize">{i.customerAxis}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-600">Company sees a</dt>
              <dd className="font-medium capitalize">{i.companyAxis}</dd>
            </div>
            <div className="flex justify-between">
              <dt className="text-slate-600">So we</dt>
              <dd className="font-bold">{gridAdvice(i.customerAxis, i.companyAxis)}</dd>
            </div>
            <div className="flex justify-between border-t border-slate-100 pt-2">
              <dt className="text-slate-600">Monthly cost</dt>
              <dd className="font-bold">{money.format(i.monthlyCost)}</dd>
            </div>
            <div className="text-xs text-slate-600">
              {i.costInputs.contactsPerMonth} contacts × {i.costInputs.handlingMinutes} min ×{" "}
              {money.format(i.costInputs.hourlyCost)}/h + {i.costInputs.customersAtRisk} at risk ×{" "}
              {money.format(i.costInputs.lifetimeValue)}
            </div>
          </dl>
        </Card>
      </div>
    </div>
  );
}
