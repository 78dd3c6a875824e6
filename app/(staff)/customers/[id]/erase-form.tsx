import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, SelectField } from "@/components/ui/field";
import { eraseCustomerAction } from "../actions";

const REASONS = [
  { value: "customer_request", label: "The customer asked to be erased" },
  { value: "duplicate_record", label: "Duplicate record" },
  { value: "no_legal_basis", label: "We have no reason to keep it" },
  { value: "other", label: "Other" },
];

/** Erasure on request (admins): the same erasure as the customer's own withdrawal. */
export function EraseCustomerForm({ customerId }: { customerId: string }) {
  return (
    <ActionForm action={eraseCustomerAction} className="space-y-4">
      <input type="hidden" name="customerId" value={customerId} />
      <p className="text-sm text-slate-700">
        Removes name, contact details, needs, free text and pending mail, and revokes every link. Scores stay
        as anonymous counts. This cannot be undone.
      </p>
      <SelectField name="reason" label="Reason" options={REASONS} />
      <Checkbox name="confirm" value="yes" label="I understand this cannot be undone" />
      <Button variant="danger">Erase this customer</Button>
    </ActionForm>
  );
}
