"use client";

import { useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import type { FormState } from "@/components/ui/form-state";

type Field = { name: string; purpose: string; locale: "en" | "zh" | "vi"; label: string; value: string };

const LANGUAGE_NAMES = { en: "English", zh: "简体中文 (Chinese)", vi: "Tiếng Việt (Vietnamese)" } as const;

/**
 * The new version's texts with a live preview of what a customer sees in each language (the
 * checkboxes of the invitation page), before anything is saved.
 */
export function ConsentVersionForm({
  action,
  fields,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  fields: Field[];
}) {
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.value])));
  return (
    <ActionForm action={action} className="space-y-6">
      {(["en", "zh", "vi"] as const).map((locale) => (
        <fieldset key={locale} className="space-y-3">
          <legend className="text-lg font-semibold">{LANGUAGE_NAMES[locale]}</legend>
          {fields
            .filter((f) => f.locale === locale)
            .map((f) => (
              <TextArea
                key={f.name}
                name={f.name}
                label={f.label}
                lang={locale}
                rows={2}
                required
                value={values[f.name] ?? ""}
                onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              />
            ))}
          <section
            aria-label={`Preview in ${LANGUAGE_NAMES[locale]}`}
            lang={locale}
            className="rounded-md bg-slate-50 p-4 ring-1 ring-slate-200"
          >
            <p className="text-sm font-medium text-slate-700">Preview: what the customer sees</p>
            <ul className="mt-2 space-y-2">
              {fields
                .filter((f) => f.locale === locale)
                .map((f) => (
                  <li key={f.name} className="flex gap-2 text-base">
                    <span
                      aria-hidden="true"
                      className="mt-1 inline-block h-4 w-4 shrink-0 rounded border border-slate-500"
                    />
                    <span>{values[f.name] || <em className="text-red-800">(empty — fill it in)</em>}</span>
                  </li>
                ))}
            </ul>
          </section>
        </fieldset>
      ))}
      <Button>Publish the new version</Button>
    </ActionForm>
  );
}
