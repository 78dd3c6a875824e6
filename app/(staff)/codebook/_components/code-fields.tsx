import { TextArea, TextField } from "@/components/ui/field";
import type { ReasonCodeView } from "@/lib/domain/reason-codes";

/** The fields of a code, shared by the add, propose and edit forms. */
export function CodeFields({ code, suggestedNumber }: { code?: ReasonCodeView; suggestedNumber?: number }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="number"
        type="number"
        min={1}
        max={999}
        inputMode="numeric"
        label="Number"
        hint="What staff type in the room to pick it"
        defaultValue={code?.number ?? suggestedNumber}
        required
      />
      <TextField name="label" label="Wording (English)" defaultValue={code?.label} required />
      <TextField
        name="labelZh"
        label="Wording (Chinese, Simplified)"
        lang="zh-CN"
        defaultValue={code?.labelZh}
      />
      <TextField name="labelVi" label="Wording (Vietnamese)" lang="vi" defaultValue={code?.labelVi} />
      <div className="sm:col-span-2">
        <TextArea
          name="definition"
          label="Definition"
          hint="When to use it, and when not"
          rows={2}
          defaultValue={code?.definition}
        />
      </div>
      <div className="sm:col-span-2">
        <TextArea
          name="example"
          label="Examples"
          hint="One a line: what customers actually say"
          rows={3}
          defaultValue={code?.examples.join("\n")}
        />
      </div>
    </div>
  );
}
