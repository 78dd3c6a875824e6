import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, TextArea, TextField } from "@/components/ui/field";
import type { OutreachDraft } from "@/server/analytics/outreach-draft";
import { sendOutreachAction } from "../actions";

const LANGUAGE_NAMES = { en: "English", zh: "Chinese (简体中文)", vi: "Vietnamese (Tiếng Việt)" } as const;

/** One editable message per language; sending needs the reviewer's explicit confirmation. */
export function OutreachForm({ draft }: { draft: OutreachDraft }) {
  return (
    <ActionForm action={sendOutreachAction}>
      <input type="hidden" name="reasonCodeId" value={draft.code.id} />
      {draft.languages.map((l) => (
        <fieldset
          key={l.language}
          className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
        >
          <legend className="px-1 text-base font-semibold">
            {LANGUAGE_NAMES[l.language]}: {l.recipients} {l.recipients === 1 ? "customer" : "customers"}
          </legend>
          <TextField
            label="Subject"
            name={`subject_${l.language}`}
            defaultValue={l.subject}
            lang={l.language}
            required
          />
          <TextArea
            label="Message"
            name={`body_${l.language}`}
            defaultValue={l.body}
            lang={l.language}
            rows={7}
            required
          />
        </fieldset>
      ))}
      <Checkbox
        name="reviewed"
        value={undefined}
        label="I have read these messages, edited them where needed, and want them sent to these customers"
      />
      <Button type="submit">Send the messages</Button>
    </ActionForm>
  );
}
