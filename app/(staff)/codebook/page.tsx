import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/dates";
import { ACTIVE_CODES_WARN_ABOVE } from "@/lib/domain/reason-codes";
import { requireStaffPage } from "@/server/auth/staff";
import { listCodebook } from "@/server/reason-codes/list-codebook";
import { CodeFields } from "./_components/code-fields";
import { proposeReasonCodeAction, saveReasonCodeAction, setReasonCodeStateAction } from "./actions";

export const metadata: Metadata = { title: "Codebook" };

type Code = Awaited<ReturnType<typeof listCodebook>>["codes"][number];

function StateButton({ id, to, label }: { id: string; to: "active" | "retired"; label: string }) {
  return (
    <ActionForm action={setReasonCodeStateAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="to" value={to} />
      <Button variant={to === "retired" ? "secondary" : "primary"}>{label}</Button>
    </ActionForm>
  );
}

function CodeEntry({ code, canManage, timeZone }: { code: Code; canManage: boolean; timeZone: string }) {
  return (
    <li className="space-y-2 p-4" id={`code-${code.number}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h3 className="font-semibold">
            <span className="mr-2 inline-block min-w-8 rounded bg-slate-900 px-2 py-0.5 text-center text-white tabular-nums">
              {code.number}
            </span>
            {code.label}
          </h3>
          <p className="mt-1 text-sm text-slate-700">
            <span lang="zh-CN">
              {code.labelZh || <em className="text-red-800">no Chinese wording yet</em>}
            </span>
            {" · "}
            <span lang="vi">
              {code.labelVi || <em className="text-red-800">no Vietnamese wording yet</em>}
            </span>
          </p>
          {code.definition && <p className="mt-1 text-sm">{code.definition}</p>}
          {code.examples.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
              {code.examples.map((e) => (
                <li key={e}>“{e}”</li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex items-center gap-2">
          {code.state !== "active" && (
            <Badge status={code.state === "proposed" ? "draft" : "ended"}>{code.state}</Badge>
          )}
          {canManage && code.state === "proposed" && <StateButton id={code.id} to="active" label="Approve" />}
          {canManage && code.state === "active" && <StateButton id={code.id} to="retired" label="Retire" />}
          {canManage && code.state === "retired" && (
            <StateButton id={code.id} to="active" label="Bring back" />
          )}
        </div>
      </div>
      {canManage && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-blue-800">
            Edit or renumber {code.number}
          </summary>
          <ActionForm action={saveReasonCodeAction} className="mt-3 space-y-4">
            <input type="hidden" name="id" value={code.id} />
            <CodeFields code={code} />
            <Button variant="secondary">Save code {code.number}</Button>
          </ActionForm>
        </details>
      )}
      {code.history.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-blue-800">
            History ({code.history.length})
          </summary>
          <ol className="mt-2 space-y-1 text-sm text-slate-700">
            {code.history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.at, timeZone)} — {h.actor} {h.change}
              </li>
            ))}
          </ol>
        </details>
      )}
    </li>
  );
}

export default async function CodebookPage() {
  const actor = await requireStaffPage();
  const book = await listCodebook(actor);
  const groups = [
    { key: "active", title: `Active codes (${book.activeCount})` },
    { key: "proposed", title: "Proposed, waiting for an admin" },
    { key: "retired", title: "Retired" },
  ] as const;
  const next = Math.max(0, ...book.codes.map((c) => c.number)) + 1;
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Codebook</h1>
        <p className="mt-1 text-slate-700">
          Numbered reasons, worded the way customers say them. Staff pick them by number in the room and the
          listening log; the examples keep everyone coding alike.
        </p>
      </div>
      {book.tooMany && (
        <div
          role="alert"
          className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950"
          data-codebook-warning
        >
          <p className="font-semibold">
            {book.activeCount} codes are active — more than about {ACTIVE_CODES_WARN_ABOVE}.
          </p>
          <p className="text-sm">
            Beyond that people stop remembering the numbers and start picking “other”. Retire or merge the
            codes that are rarely used.
          </p>
        </div>
      )}
      {groups.map((g) => {
        const codes = book.codes.filter((c) => c.state === g.key);
        if (!codes.length && g.key !== "active") return null;
        return (
          <section key={g.key} aria-labelledby={`codes-${g.key}`} className="space-y-2">
            <h2 id={`codes-${g.key}`} className="text-xl font-semibold">
              {g.title}
            </h2>
            <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              {codes.map((c) => (
                <CodeEntry key={c.id} code={c} canManage={book.canManage} timeZone={actor.timeZone} />
              ))}
            </ul>
          </section>
        );
      })}
      {(book.canManage || book.canPropose) && (
        <Card title={book.canManage ? "Add a code" : "Propose a code"}>
          <ActionForm
            action={book.canManage ? saveReasonCodeAction : proposeReasonCodeAction}
            className="space-y-4"
          >
            <CodeFields suggestedNumber={next} />
            <Button>{book.canManage ? "Add the code" : "Propose it"}</Button>
          </ActionForm>
        </Card>
      )}
    </div>
  );
}
