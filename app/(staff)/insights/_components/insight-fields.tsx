import { CodePicker } from "@/components/notes/code-picker";
import { SelectField, TextArea, TextField } from "@/components/ui/field";
import type { GridAxis } from "@/lib/domain/insights";
import type { ReasonCodeView } from "@/lib/domain/reason-codes";

const AXIS = [
  { value: "irritant", label: "Irritant" },
  { value: "value", label: "Value" },
];

export type InsightFieldValues = {
  title: string;
  summary: string;
  customerAxis: GridAxis;
  companyAxis: GridAxis;
  codeIds: string[];
  contactsPerMonth: number;
  handlingMinutes: number;
  hourlyCost: number;
  customersAtRisk: number;
  lifetimeValue: number;
};

/** An insight's own fields (not its evidence): shared by the new and edit forms. */
export function InsightFields({
  codes,
  currency,
  values,
}: {
  codes: ReasonCodeView[];
  currency: string;
  values?: InsightFieldValues;
}) {
  return (
    <>
      <TextField
        label="Insight"
        name="title"
        required
        maxLength={200}
        defaultValue={values?.title}
        placeholder="Customers are passed between departments about bills"
      />
      <TextArea label="Summary" name="summary" rows={3} defaultValue={values?.summary} />
      <CodePicker codes={codes} checked={values?.codeIds} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="col-span-full font-semibold">Value / irritant grid</legend>
        <SelectField
          label="For customers it is a…"
          name="customerAxis"
          options={AXIS}
          defaultValue={values?.customerAxis}
        />
        <SelectField
          label="For the company it is a…"
          name="companyAxis"
          options={AXIS}
          defaultValue={values?.companyAxis}
        />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="col-span-full font-semibold">
          Monthly cost = contacts × minutes × hourly cost + customers at risk × lifetime value ({currency})
        </legend>
        <TextField
          label="Contacts per month"
          name="contactsPerMonth"
          type="number"
          min={0}
          defaultValue={values?.contactsPerMonth ?? 0}
        />
        <TextField
          label="Minutes per contact"
          name="handlingMinutes"
          type="number"
          min={0}
          step="0.1"
          defaultValue={values?.handlingMinutes ?? 0}
        />
        <TextField
          label={`Hourly cost (${currency})`}
          name="hourlyCost"
          type="number"
          min={0}
          step="0.01"
          defaultValue={values?.hourlyCost ?? 0}
        />
        <TextField
          label="Customers at risk"
          name="customersAtRisk"
          type="number"
          min={0}
          defaultValue={values?.customersAtRisk ?? 0}
        />
        <TextField
          label={`Lifetime value (${currency})`}
          name="lifetimeValue"
          type="number"
          min={0}
          step="0.01"
          defaultValue={values?.lifetimeValue ?? 0}
        />
      </fieldset>
    </>
  );
}
