"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ColumnHeads } from "@/components/ui/column-heads";
import { type ImportState, importCustomersAction, previewImportAction } from "../actions";

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm";

function Message({ state }: { state: ImportState }) {
  if (!state?.message) return null;
  const tone = state.ok
    ? "border-green-300 bg-green-50 text-green-900"
    : "border-red-300 bg-red-50 text-red-900";
  return <p className={`rounded-md border p-3 text-sm font-medium ${tone}`}>{state.message}</p>;
}

/** Upload or paste → preview with row-level errors → confirm. The preview stores nothing. */
export function ImportForm({ maxBytes }: { maxBytes: number }) {
  const [previewState, previewAction, previewing] = useActionState(previewImportAction, null);
  const [importState, importAction, importing] = useActionState(importCustomersAction, null);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = previewState?.ok ? previewState.preview : undefined;
  const imported = importState?.ok ? importState.imported : undefined;
  const csvErrors = previewState?.fieldErrors?.csv;
  const fileErrors = previewState?.fieldErrors?.file;

  if (imported) {
    return (
      <div role="status" className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <p className="text-lg font-semibold">
          Imported: {imported.created} new, {imported.updated} updated
          {imported.skipped
            ? `, ${imported.skipped} row${imported.skipped === 1 ? "" : "s"} with errors skipped`
            : ""}
          .
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href="/customers" className={buttonClass()}>
            See the customers
          </Link>
          <a href="/customers/import" className={buttonClass("secondary")}>
            Import another file
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <form
        action={previewAction}
        aria-busy={previewing}
        className="max-w-3xl space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200"
      >
        <div aria-live="polite" role="status">
          {previewState && !previewState.ok && <Message state={previewState} />}
          {tooLarge && (
            <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">
              The file is larger than {maxBytes / 1024} KB; split it into smaller files.
            </p>
          )}
        </div>
        <div>
          <label htmlFor="file" className="block text-sm font-medium text-slate-900">
            CSV file
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => setTooLarge((e.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
            aria-invalid={fileErrors?.length || tooLarge ? true : undefined}
            aria-describedby={fileErrors?.length ? "file-error" : undefined}
            className={CONTROL}
          />
          {fileErrors?.length ? (
            <p id="file-error" className="mt-1 text-sm font-medium text-red-800">
              {fileErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <div>
          <label htmlFor="csv" className="block text-sm font-medium text-slate-900">
            Or paste the CSV
          </label>
          <textarea
            id="csv"
            name="csv"
            rows={6}
            spellCheck={false}
            aria-invalid={csvErrors?.length ? true : undefined}
            aria-describedby={csvErrors?.length ? "csv-error" : undefined}
            className={`${CONTROL} font-mono text-sm`}
          />
          {csvErrors?.length ? (
            <ul id="csv-error" className="mt-1 list-disc pl-5 text-sm font-medium text-red-800">
              {csvErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <Button disabled={tooLarge || previewing}>{previewing ? "Reading…" : "Preview import"}</Button>
      </form>

      {preview && (
        <section aria-labelledby="preview-heading" className="space-y-4">
          <h2 id="preview-heading" className="text-xl font-semibold">
            Preview
          </h2>
          <p role="status" className="text-slate-800">
            {preview.counts.create} new, {preview.counts.update} to update,{" "}
            <span className={preview.counts.error ? "font-semibold text-red-800" : ""}>
              {preview.counts.error} row{preview.counts.error === 1 ? "" : "s"} with errors
            </span>
            {preview.counts.error ? " (they will be skipped; correct them and import the file again)" : ""}.
          </p>
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Rows of the file and what importing will do with each</caption>
              <ColumnHeads
                labels={["Row", "Result", "Name", "Email", "Details"]}
                className="border-b border-slate-200 text-slate-600"
                cellClassName="p-3 font-medium"
              />
              <tbody>
                {preview.rows.map((r) => (
                  <tr
                    key={r.row}
                    data-row={r.row}
                    className={`border-b border-slate-100 align-top ${r.ok ? "" : "bg-red-50"}`}
                  >
                    <th scope="row" className="p-3 font-medium tabular-nums">
                      {r.row}
                    </th>
                    <td className="p-3">
                      {r.ok ? (
                        <span
                          className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${r.action === "create" ? "bg-green-100 text-green-900" : "bg-blue-100 text-blue-900"}`}
                        >
                          {r.action === "create" ? "New" : "Update"}
                        </span>
                      ) : (
                        <span className="rounded-full bg-red-100 px-2.5 py-0.5 text-xs font-semibold text-red-900">
                          Error
                        </span>
                      )}
                    </td>
                    <td className="p-3 break-words">{r.ok ? r.data.name : r.name}</td>
                    <td className="p-3 break-all">{r.ok ? r.data.email : r.email}</td>
                    <td className="p-3">
                      {r.ok ? (
                        <span className="text-slate-700">
                          {[
                            r.data.language?.toUpperCase(),
                            r.data.timeZone ??
                              (r.action === "create" ? `${preview.defaultTimeZone} (default)` : null),
                            r.data.phone,
                            r.data.segment,
                            r.data.tags?.join(", "),
                            r.data.contactPreference && `prefers ${r.data.contactPreference}`,
                            r.data.accessibilityNotes && "accessibility notes",
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      ) : (
                        <ul className="list-disc pl-4 font-medium text-red-900">
                          {r.errors.map((e) => (
                            <li key={e}>{e}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <form action={importAction} aria-busy={importing} className="flex flex-wrap items-center gap-3">
            <input type="hidden" name="csvBase64" value={preview.csvBase64} />
            <Button disabled={importing || preview.counts.create + preview.counts.update === 0}>
              {importing
                ? "Importing…"
                : `Import ${preview.counts.create + preview.counts.update} customer${preview.counts.create + preview.counts.update === 1 ? "" : "s"}`}
            </Button>
            <a href="/customers/import" className={buttonClass("ghost")}>
              Start over
            </a>
            <div aria-live="polite" role="status" className="w-full">
              {importState && !importState.ok && <Message state={importState} />}
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
