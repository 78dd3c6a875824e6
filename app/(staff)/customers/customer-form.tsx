import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import type { FormState } from "@/components/ui/form-state";
import type { CustomerDto } from "@/server/customers/customer-dto";
import { CONTACT_LABELS, LANGUAGE_LABELS } from "./labels";

// Every IANA zone this runtime knows, offered as suggestions; the server checks the value.
const ZONES = Intl.supportedValuesOf("timeZone");

/** The create and edit form. The notes field exists only for roles that may see needs. */
export function CustomerForm({
  action,
  customer,
  seesNeeds,
  defaultTimeZone,
  submitLabel,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  customer?: CustomerDto;
  seesNeeds: boolean;
  defaultTimeZone: string;
  submitLabel: string;
}) {
  const option = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));
  return (
    <ActionForm action={action}>
      {customer && <input type="hidden" name="id" value={customer.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" name="name" required maxLength={200} defaultValue={customer?.name} />
        <TextField
          label="Preferred name (how to greet them)"
          name="preferredName"
          maxLength={100}
          hint="Leave empty to use the full name"
          defaultValue={customer?.preferredName ?? ""}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          defaultValue={customer?.email}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          maxLength={40}
          autoComplete="off"
          defaultValue={customer?.phone ?? ""}
        />
        <SelectField
          label="Preferred language"
          name="language"
          defaultValue={customer?.language ?? "en"}
          options={option(LANGUAGE_LABELS)}
        />
        <TextField
          label="Time zone"
          name="timeZone"
          required
          list="time-zones"
          hint="IANA name, e.g. Asia/Ho_Chi_Minh"
          defaultValue={customer?.timeZone ?? defaultTimeZone}
        />
        <datalist id="time-zones">
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SelectField
          label="Contact preference"
          name="contactPreference"
          hint="How they want to hear from us"
          defaultValue={customer?.contactPreference ?? "email"}
          options={option(CONTACT_LABELS)}
        />
        <TextField
          label="Tags"
          name="tags"
          hint="Separated by ; e.g. elderly; smart-meter"
          defaultValue={customer?.tags.join("; ") ?? ""}
        />
        <TextField
          label="Segment"
          name="segment"
          maxLength={80}
          hint="One group, e.g. residential or smb"
          defaultValue={customer?.segment ?? ""}
        />
      </div>
      {seesNeeds && (
        <TextArea
          label="Standing accessibility needs"
          name="accessibilityNotes"
          maxLength={2000}
          hint="What helps this customer take part, in plain words (e.g. “prefers captions; needs breaks”). Needs, never labels. Seen by facilitators and admins only."
          defaultValue={customer?.accessibilityNotes ?? ""}
        />
      )}
      <Button>{submitLabel}</Button>
    </ActionForm>
  );
}
