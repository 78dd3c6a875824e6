"use client";

import { useState } from "react";
import { Checkbox, SelectField, TextArea, TextField } from "@/components/ui/field";
import { type SessionTranslations, TRANSLATED_LANGUAGES } from "@/lib/domain/session-texts";
import { FORMAT_CHOICES } from "./format-labels";

const LANGUAGE_NAMES = { zh: "Chinese (简体中文)", vi: "Vietnamese (Tiếng Việt)" } as const;

export type SessionFieldDefaults = {
  title?: string;
  description?: string;
  agenda?: string;
  translations?: SessionTranslations;
  format?: string;
  durationMinutes?: number;
  seats?: number;
  observersHidden?: boolean;
  recordingEnabled?: boolean;
  hostOrganisation?: string;
  tableCount?: number | null;
  roundMinutes?: number | null;
  incentiveAmount?: string;
  incentiveCurrency?: string;
  incentivePaidBy?: string;
};

/** What a session is, shared by the new-session and edit forms (the time is set elsewhere). */
export function SessionFields({ d = {} }: { d?: SessionFieldDefaults }) {
  const [format, setFormat] = useState(d.format ?? "story_circle");
  return (
    <>
      <TextField
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={d.title}
        placeholder="Billing after the tariff change"
      />
      <TextArea
        label="What the session is about"
        name="description"
        defaultValue={d.description}
        hint="Customers read this on their invitation page."
      />
      <TextArea
        label="Agenda"
        name="agenda"
        rows={3}
        defaultValue={d.agenda}
        hint="One step per line, e.g. “Welcome (5 min)”. Customers see it too."
      />
      {TRANSLATED_LANGUAGES.map((lang) => (
        <details
          key={lang}
          className="rounded-md p-3 ring-1 ring-slate-200"
          open={Boolean(d.translations?.[lang])}
        >
          <summary className="cursor-pointer font-medium text-blue-800">
            For customers who read {LANGUAGE_NAMES[lang]}
          </summary>
          <p className="mt-2 text-sm text-slate-700">Anything left empty is shown to them in English.</p>
          <div lang={lang} className="mt-3 space-y-4">
            <TextField
              label={`Title in ${LANGUAGE_NAMES[lang]}`}
              name={`title_${lang}`}
              maxLength={200}
              defaultValue={d.translations?.[lang]?.title ?? ""}
            />
            <TextArea
              label={`What the session is about, in ${LANGUAGE_NAMES[lang]}`}
              name={`description_${lang}`}
              rows={3}
              defaultValue={d.translations?.[lang]?.description ?? ""}
            />
            <TextArea
              label={`Agenda in ${LANGUAGE_NAMES[lang]}`}
              name={`agenda_${lang}`}
              rows={3}
              defaultValue={d.translations?.[lang]?.agenda ?? ""}
            />
          </div>
        </details>
      ))}
      <SelectField
        label="Format"
        name="format"
        value={format}
        onChange={(e) => setFormat(e.target.value)}
        options={FORMAT_CHOICES}
      />
      {format === "speed_dating" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Tables"
            name="tableCount"
            type="number"
            min={2}
            max={20}
            defaultValue={d.tableCount ?? 3}
            hint="Each table is its own room; staff rotate."
          />
          <TextField
            label="Round length (minutes)"
            name="roundMinutes"
            type="number"
            min={3}
            max={60}
            defaultValue={d.roundMinutes ?? 12}
            hint="Staff move to the next table after each round."
          />
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {/* Not "Length (minutes)": the session page's reschedule form has that one. */}
        <TextField
          label="Length of the session (minutes)"
          name="durationMinutes"
          type="number"
          min={10}
          max={480}
          defaultValue={d.durationMinutes ?? 45}
        />
        <TextField
          label="Customer seats"
          name="seats"
          type="number"
          min={1}
          max={500}
          defaultValue={d.seats ?? 10}
        />
      </div>
      <TextField
        label="Independent host organisation (optional)"
        name="hostOrganisation"
        maxLength={200}
        defaultValue={d.hostOrganisation}
        hint="A third party running the session helps customers speak freely."
      />
      <fieldset className="rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-900">Thank-you incentive (optional)</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Amount"
            name="incentiveAmount"
            inputMode="decimal"
            defaultValue={d.incentiveAmount}
            placeholder="25.00"
          />
          <TextField
            label="Currency"
            name="incentiveCurrency"
            maxLength={3}
            defaultValue={d.incentiveCurrency}
            placeholder="GBP"
          />
          <SelectField
            label="Paid by"
            name="incentivePaidBy"
            defaultValue={d.incentivePaidBy ?? ""}
            options={[
              { value: "", label: "—" },
              { value: "company", label: "Our company" },
              { value: "host", label: "The host organisation" },
            ]}
          />
        </div>
      </fieldset>
      <Checkbox
        name="observersHidden"
        label="Observers listen without being shown to customers (customers still see how many listen)"
        defaultChecked={d.observersHidden ?? true}
      />
      <Checkbox
        name="recordingEnabled"
        label="Record the session (only customers who consent are recorded; they are asked separately)"
        defaultChecked={d.recordingEnabled ?? false}
      />
    </>
  );
}
