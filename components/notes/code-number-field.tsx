"use client";

import { useEffect, useId, useState } from "react";
import { TextField } from "@/components/ui/field";
import { codeNumbersOf, type ReasonCodeView } from "@/lib/domain/reason-codes";

/**
 * Reason codes by number, for the keyboard: "2 7" picks codes 2 and 7 (staff remember numbers, not
 * lists). Used beside the CodePicker in the room's note form and the listening log; the server
 * reads the numbers again (server/reason-codes/resolve-codes.ts). What the typed numbers mean is
 * said as they are typed, so a wrong number is seen before saving.
 */
export function CodeNumberField({
  codes,
  id,
  name = "codeNumbers",
}: {
  codes: Pick<ReasonCodeView, "number" | "label">[];
  id?: string;
  name?: string;
}) {
  const generated = useId();
  const fieldId = id ?? generated;
  const [typed, setTyped] = useState("");
  // Uncontrolled, so the form's own reset (after a save) clears it; the echo follows.
  useEffect(() => {
    const form = (document.getElementById(fieldId) as HTMLInputElement | null)?.form;
    const clear = () => setTyped("");
    form?.addEventListener("reset", clear);
    return () => form?.removeEventListener("reset", clear);
  }, [fieldId]);
  const numbers = /^[\d\s,]*$/.test(typed) ? codeNumbersOf(typed) : [];
  const meant = numbers.map((n) => ({ n, code: codes.find((c) => c.number === n) }));
  return (
    <div>
      <TextField
        id={fieldId}
        name={name}
        label="Codes by number"
        inputMode="numeric"
        hint="Type the numbers, e.g. 2 7 — or tick them below"
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
      />
      <p aria-live="polite" data-code-numbers className="mt-1 text-sm text-slate-700">
        {meant.map(({ n, code }, i) => (
          <span key={n} className={code ? "" : "font-medium text-red-800"}>
            {i > 0 && "; "}
            {code ? `${n} · ${code.label}` : `${n}: no such code`}
          </span>
        ))}
      </p>
    </div>
  );
}
