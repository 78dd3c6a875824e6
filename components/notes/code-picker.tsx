import type { ReasonCodeView } from "@/lib/domain/reason-codes";

/**
 * Reason codes to tick, each with its number, wording, definition and examples — shown where
 * codes are picked, so two people code the same call the same way. Pair it with a "codes by
 * number" text field for keyboard entry.
 */
export function CodePicker({
  codes,
  name = "reasonCodeIds",
  checked = [],
  legend = "Reason codes",
}: {
  codes: ReasonCodeView[];
  name?: string;
  checked?: string[];
  legend?: string;
}) {
  return (
    <fieldset>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-2 grid max-h-96 gap-2 overflow-y-auto rounded-md border border-slate-200 p-3 sm:grid-cols-2">
        {codes.map((c) => (
          <div key={c.id} className="flex items-start gap-2">
            <input
              id={`${name}-${c.id}`}
              type="checkbox"
              name={name}
              value={c.id}
              defaultChecked={checked.includes(c.id)}
              aria-describedby={c.examples.length || c.definition ? `${name}-${c.id}-about` : undefined}
              className="mt-1 size-5 shrink-0 accent-blue-700"
            />
            <div className="text-sm">
              <label htmlFor={`${name}-${c.id}`} className="font-medium">
                <span className="tabular-nums">{c.number}</span> · {c.label}
              </label>
              {(c.definition || c.examples.length > 0) && (
                <p id={`${name}-${c.id}-about`} className="text-slate-600">
                  {c.definition}
                  {c.examples.length > 0 && <> e.g. “{c.examples[0]}”</>}
                </p>
              )}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
