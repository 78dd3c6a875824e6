"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useFieldErrors } from "./action-form";

const CONTROL =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-700";

type Common = { label: ReactNode; name: string; hint?: ReactNode; errors?: string[] };

function Wrap({ label, name, hint, errors, children }: Common & { children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children}
      {errors?.length ? (
        <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function useWithErrors<T extends Common>(p: T): T {
  const fromServer = useFieldErrors(p.name);
  return p.errors || !fromServer ? p : { ...p, errors: fromServer };
}

const describedBy = (p: Common) =>
  [p.hint ? `${p.name}-hint` : "", p.errors?.length ? `${p.name}-error` : ""].filter(Boolean).join(" ") ||
  undefined;

export function TextField(props: Common & InputHTMLAttributes<HTMLInputElement>) {
  const p = useWithErrors(props);
  const { label, hint, errors, ...rest } = p;
  return (
    <Wrap {...p}>
      <input
        id={p.name}
        {...rest}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(p)}
        className={CONTROL}
      />
    </Wrap>
  );
}

export function TextArea(props: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const p = useWithErrors(props);
  const { label, hint, errors, ...rest } = p;
  return (
    <Wrap {...p}>
      <textarea
        id={p.name}
        rows={4}
        {...rest}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(p)}
        className={CONTROL}
      />
    </Wrap>
  );
}

export function SelectField(
  props: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] },
) {
  const p = useWithErrors(props);
  const { label, hint, errors, options, ...rest } = p;
  return (
    <Wrap {...p}>
      <select
        id={p.name}
        {...rest}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(p)}
        className={CONTROL}
      >
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
  const id = value ? `${name}-${value}` : name;
  return (
    <div className="flex items-start gap-3 py-1">
      <input
        id={id}
        name={name}
        value={value ?? "on"}
        type="checkbox"
        defaultChecked={defaultChecked}
        className="mt-1 size-5 shrink-0 accent-blue-700"
      />
      <label htmlFor={id} className="text-base">
        {label}
      </label>
    </div>
  );
}
