"use client";

import {
  createContext,
  type FormEvent,
  type ReactNode,
  startTransition,
  useActionState,
  useContext,
} from "react";
import type { FormState } from "./form-state";

const FormErrors = createContext<Record<string, string[]>>({});

/** Errors the server returned for a field of the enclosing ActionForm. */
export const useFieldErrors = (name: string) => useContext(FormErrors)[name];

/**
 * A form bound to a server action with progressive enhancement: it works without JavaScript, and
 * with it shows the server's message in a live region and errors beside each field.
 */
export function ActionForm({
  action,
  children,
  className = "space-y-5",
  successMessage,
  translateError,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  className?: string;
  successMessage?: string;
  translateError?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const tr = (m: string) => translateError?.[m] ?? m;
  const fieldErrors = Object.fromEntries(
    Object.entries(state?.fieldErrors ?? {}).map(([k, v]) => [k, v.map(tr)]),
  );
  // React resets a form after its action runs, which would wipe what someone typed when the
  // server answers "please fix this field". Submitting through a transition keeps the inputs;
  // without JavaScript the form still posts natively to the same action.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, submitter);
    startTransition(() => formAction(data));
  };
  return (
    <form action={formAction} onSubmit={submit} className={className} aria-busy={pending}>
      <div aria-live="polite" role="status">
        {state && !state.ok && state.message ? (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-900">
            {tr(state.message)}
          </p>
        ) : null}
        {state?.ok && (state.message || successMessage) ? (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">
            {state.message ?? successMessage}
          </p>
        ) : null}
      </div>
      <FormErrors.Provider value={fieldErrors}>{children}</FormErrors.Provider>
    </form>
  );
}
