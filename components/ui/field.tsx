"use client";

import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from "react";
import { useFieldErrors } from "./action-form";
import { FIELD_ATTR, FIELD_LABEL_ATTR } from "./form-state";

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

type Common = { label: ReactNode; name: string; hint?: ReactNode; errors?: string[]; id?: string };

const labelMark = { [FIELD_LABEL_ATTR]: "" };

/**
 * The ids a field's parts refer to each other by. From useId, so the same field name twice on a
 * page (the session page has two forms with a length) never gives two elements one id.
 */
function useFieldIds(p: Common) {
  const generated = useId();
  const id = p.id ?? generated;
  const fromServer = useFieldErrors(p.name);
  const errors = p.errors ?? fromServer;
  const describedBy =
    [p.hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return { id, errors, describedBy, invalid: errors?.length ? true : undefined };
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p id={`${id}-hint`} className="text-sm text-slate-600">
      {hint}
    </p>
  ) : null;
}

function Errors({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
      {errors.join(" ")}
    </p>
  ) : null;
}

function Wrap({
  id,
  label,
  name,
  hint,
  errors,
  children,
}: {
  id: string;
  label: ReactNode;
  name: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div {...{ [FIELD_ATTR]: name }}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900" {...labelMark}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      {children}
      <Errors id={id} errors={errors} />
    </div>
  );
}

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { id, errors, describedBy, invalid } = useFieldIds(props);
  const { label, hint, errors: _e, id: _id, ...rest } = props;
  return (
    <Wrap id={id} label={label} name={props.name} hint={hint} errors={errors}>
      <input {...rest} id={id} aria-invalid={invalid} aria-describedby={describedBy} className={CONTROL} />
    </Wrap>
  );
}

export function TextArea(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, errors, describedBy, invalid } = useFieldIds(props);
  const { label, hint, errors: _e, id: _id, ...rest } = props;
  return (
    <Wrap id={id} label={label} name={props.name} hint={hint} errors={errors}>
      <textarea
        rows={4}
        {...rest}
        id={id}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        className={CONTROL}
      />
    </Wrap>
  );
}

export function SelectField(
  props: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] },
) {
  const { id, errors, describedBy, invalid } = useFieldIds(props);
  const { label, hint, errors: _e, id: _id, options, ...rest } = props;
  return (
    <Wrap id={id} label={label} name={props.name} hint={hint} errors={errors}>
      <select {...rest} id={id} aria-invalid={invalid} aria-describedby={describedBy} className={CONTROL}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function Checkbox({
  name,
  label,
  value,
  defaultChecked,
}: {
  name: string;
  label: ReactNode;
  value?: string;
  defaultChecked?: boolean;
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  // One of a group (a value) is flagged by its group; a lone checkbox carries its own error.
  const own = value === undefined && errors?.length ? errors : undefined;
  return (
    <div className="py-1" {...(value === undefined ? { [FIELD_ATTR]: name } : {})}>
      <div className="flex items-start gap-3">
        <input
          id={id}
          name={name}
          value={value ?? "on"}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-invalid={own ? true : undefined}
          aria-describedby={own ? `${id}-error` : undefined}
          className="mt-1 size-5 shrink-0 accent-blue-700"
        />
        <label htmlFor={id} className="text-base" {...labelMark}>
          {label}
        </label>
      </div>
      <Errors id={id} errors={own} />
    </div>
  );
}

/**
 * A set of controls answered together (checkboxes, radios) under one legend. When the server
 * flags the group's name, the legend names it in the form's banner, the message is shown under
 * the legend and read with the group, and focus moves to its first control.
 */
export function FieldGroup({
  name,
  legend,
  hint,
  children,
  className = "",
  legendClassName = "text-sm font-medium text-slate-900",
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
  legendClassName?: string;
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  const describedBy =
    [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      {...{ [FIELD_ATTR]: name }}
      aria-describedby={describedBy}
      className={`${className} ${errors?.length ? "rounded-md border-l-4 border-red-700 pl-3" : ""}`}
    >
      <legend className={legendClassName} {...labelMark}>
        {legend}
      </legend>
      <Hint id={id} hint={hint} />
      <Errors id={id} errors={errors} />
      {children}
    </fieldset>
  );
}

/** Checkboxes that send one name with several values (e.g. the customers to invite). */
export function CheckboxGroup({
  name,
  legend,
  hint,
  options,
  empty,
  listClassName = "",
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: ReactNode; defaultChecked?: boolean }[];
  /** Shown instead of the list when there is nothing to choose. */
  empty?: ReactNode;
  listClassName?: string;
}) {
  const id = useId();
  const errors = useFieldErrors(name);
  return (
    <FieldGroup name={name} legend={legend} hint={hint}>
      {options.length === 0 && empty ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <div className={`mt-2 space-y-1 rounded-md border border-slate-200 p-3 ${listClassName}`}>
          {options.map((o) => (
            <div key={o.value} className="flex items-center gap-3">
              <input
                id={`${id}-${o.value}`}
                type="checkbox"
                name={name}
                value={o.value}
                defaultChecked={o.defaultChecked}
                aria-invalid={errors?.length ? true : undefined}
                className="size-5 shrink-0 accent-blue-700"
              />
              <label htmlFor={`${id}-${o.value}`} className="flex flex-1 flex-wrap gap-x-3 text-sm">
                {o.label}
              </label>
            </div>
          ))}
        </div>
      )}
    </FieldGroup>
  );
}
