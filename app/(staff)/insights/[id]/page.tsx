import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { ValueIrritantGrid } from "@/components/insights/value-irritant-grid";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { formatDate } from "@/lib/dates";
import { QUADRANT_LABELS, quadrantOf } from "@/lib/domain/insights";
import { LOCALE_TAGS } from "@/lib/i18n/config";
import { formatEstimate } from "@/lib/money";
import { listDepartmentsWithMembers } from "@/server/action-items/list-departments-with-members";
import { requireStaffPage } from "@/server/auth/staff";
import { getInsight } from "@/server/insights/get-insight";
import { listUntriagedComments } from "@/server/insights/list-untriaged-comments";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { InsightFields } from "../_components/insight-fields";
import { attachEvidenceAction, createActionItemAction, updateInsightAction } from "../actions";
import { EvidenceList } from "./_components/evidence-list";

export const metadata: Metadata = { title: "Insight" };

export default async function InsightPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffPage();
  const i = await orNotFound(getInsight(actor, id));
  const [departments, codes, comments] = await Promise.all([
    i.canAddActionItem ? listDepartmentsWithMembers(actor) : [],
    i.canEdit ? listActiveCodes(actor) : [],
    i.canEdit ? listUntriagedComments(actor, 30) : [],
  ]);
  const money = (n: number) => formatEstimate(n, i.currency);
  const quotes = i.evidence.filter((e) => e.quotable);
  const quadrant = QUADRANT_LABELS[quadrantOf(i.customerAxis, i.companyAxis)];
  const c = i.costInputs;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          {i.codes.map((code) => `${code.number} · ${code.label}`).join("   ")}
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{i.title}</h1>
        {i.summary && <p className="mt-2 max-w-3xl text-slate-700">{i.summary}</p>}
        <p className="mt-2 font-medium" data-heard>
          Heard {i.heard} time{i.heard === 1 ? "" : "s"} from {i.distinctCustomers} distinct customer
          {i.distinctCustomers === 1 ? "" : "s"}
        </p>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Quotes you may use (${quotes.length})`}>
            {quotes.length ? (
              <ul className="space-y-3">
                {quotes.map((q) => (
                  <li key={q.id}>
                    <blockquote className="border-l-4 border-blue-300 pl-3 text-lg">“{q.quote}”</blockquote>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-slate-600">No customer in the evidence has allowed quoting.</p>
            )}
          </Card>
          <section id="evidence">
            <Card title={`All evidence (${i.evidence.length})`}>
              <EvidenceList insight={i} canEdit={i.canEdit} />
              {i.canEdit && (
                <div className="mt-6 space-y-3 border-t border-slate-200 pt-4">
                  <p className="text-sm text-slate-700">
                    Add notes from a session's triage page or the{" "}
                    <Link href="/listening-log" className="text-blue-800 underline">
                      listening log
                    </Link>
                    , or survey comments here:
                  </p>
                  {comments.length > 0 && (
                    <ActionForm action={attachEvidenceAction} className="space-y-3">
                      <input type="hidden" name="insightId" value={i.id} />
                      <fieldset>
                        <legend className="font-semibold">Survey comments not used yet</legend>
                        <div className="mt-2 max-h-64 space-y-2 overflow-y-auto rounded-md border border-slate-200 p-3">
                          {comments.map((s) => (
                            <div key={s.id} className="flex items-start gap-3">
                              <input
                                id={`add-${s.id}`}
                                type="checkbox"
                                name="evidence"
                                value={`survey:${s.id}`}
                                className="mt-1 size-5 shrink-0 accent-blue-700"
                              />
                              <label htmlFor={`add-${s.id}`} className="text-sm">
                                “{s.comment}” <span className="text-slate-600">· {s.sessionTitle}</span>
                              </label>
                            </div>
                          ))}
                        </div>
                      </fieldset>
                      <Button variant="secondary">Add the ticked comments</Button>
                    </ActionForm>
                  )}
                </div>
              )}
            </Card>
          </section>
          <Card title="Actions">
            <ul className="divide-y divide-slate-100">
              {i.actionItems.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <div>
                    <Link href={`/actions/${a.id}`} className="font-medium text-blue-800 hover:underline">
                      {a.title}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {a.department} · {a.owner} · due{" "}
                      {formatDate(a.deadline, actor.timeZone, LOCALE_TAGS[actor.language])}
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
        <div className="space-y-6">
          <Card title="On the grid">
            <p className="text-sm">
              Customers see a <strong>{i.customerAxis}</strong>, the company sees a{" "}
              <strong>{i.companyAxis}</strong>: <strong data-quadrant-name>{quadrant.title}</strong>.
            </p>
            <div className="mt-3">
              <ValueIrritantGrid
                caption="Where this insight sits"
                highlightId={i.id}
                items={[
                  {
                    id: i.id,
                    title: i.title,
                    customerAxis: i.customerAxis,
                    companyAxis: i.companyAxis,
                    href: `/insights/${i.id}`,
                  },
                ]}
              />
            </div>
          </Card>
          <Card title="Monthly cost">
            <p className="text-2xl font-bold tabular-nums" data-cost>
              {money(i.monthlyCost)}
            </p>
            <dl className="mt-3 space-y-1 text-sm">
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">Contacts a month</dt>
                <dd className="tabular-nums">{c.contactsPerMonth}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">× minutes each</dt>
                <dd className="tabular-nums">{c.handlingMinutes}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">× hourly cost</dt>
                <dd className="tabular-nums">{money(c.hourlyCost)}</dd>
              </div>
              <div className="flex justify-between gap-2 border-t border-slate-100 pt-1">
                <dt className="text-slate-600">= handling</dt>
                <dd className="tabular-nums">
                  {money((c.contactsPerMonth * c.handlingMinutes * c.hourlyCost) / 60)}
                </dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">+ customers at risk</dt>
                <dd className="tabular-nums">{c.customersAtRisk}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600">× lifetime value</dt>
                <dd className="tabular-nums">{money(c.lifetimeValue)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-600">In {i.currency}, the company's currency.</p>
          </Card>
          {i.canEdit && (
            <Card title="Edit">
              <details>
                <summary className="cursor-pointer text-sm font-medium text-blue-800">
                  Edit title, summary, codes, grid and cost
                </summary>
                <ActionForm action={updateInsightAction} className="mt-3 space-y-4">
                  <input type="hidden" name="insightId" value={i.id} />
                  <InsightFields
                    codes={[
                      ...codes,
                      ...i.codes
                        .filter((x) => !codes.some((a) => a.id === x.id))
                        .map((x) => ({
                          ...x,
                          labelZh: "",
                          labelVi: "",
                          definition: "Retired",
                          examples: [],
                        })),
                    ]}
                    currency={i.currency}
                    values={{ ...i, ...c, codeIds: i.codes.map((x) => x.id) }}
                  />
                  <Button>Save</Button>
                </ActionForm>
              </details>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
