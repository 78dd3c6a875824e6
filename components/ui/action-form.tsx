"use client";

import {
  createContext,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { FIELD_ATTR, FIELD_LABEL_ATTR, type FormPending, type FormState } from "./form-state";

const FormErrors = createContext<Record<string, string[]>>({});
const Pending = createContext<FormPending>({ pending: false, submitter: null });

/** Errors the server returned for a field of the enclosing ActionForm. */
export const useFieldErrors = (name: string) => useContext(FormErrors)[name];

/** Whether the enclosing ActionForm's action is running, and which button started it. */
export const useFormPending = () => useContext(Pending);

/** A field the server flagged, found on the page: its name as the person reads it, and its control. */
type Flagged = { name: string; label: string; control: HTMLElement };

/**
 * A form bound to a server action with progressive enhancement: it works without JavaScript, and
 * with it shows the server's message in a live region and errors beside each field.
 *
 * While the action runs, every submit button is marked disabled and a second submit is ignored
 * (a double click must not create two records). A new submit clears the previous answer. When
 * the answer flags fields, the banner names each one (a link to it) and focus moves to the first;
 * errors for names no field on the page carries are spelled out in the banner.
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
  /** Translations of the server's messages, keyed by message (or, for field errors, field name). */
  translateError?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // The answer a new submit has made stale: hidden until that submit's own answer arrives.
  const [stale, setStale] = useState<FormState>(null);
  const [submitter, setSubmitter] = useState<Element | null>(null);
  // Which answer `flagged` was worked out for: until then (one layout pass) the list is not shown.
  const [flagged, setFlagged] = useState<{ for: FormState; fields: Flagged[] }>({ for: null, fields: [] });
  const running = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const shown = state === stale ? null : state;
  const tr = (m: string) => translateError?.[m] ?? m;
  // A field's message is translated by its text, else by the field's name (a message for a
  // whole field, e.g. "choose a score", whatever the validator said).
  const fieldErrors = Object.fromEntries(
    Object.entries((shown && !shown.ok && shown.fieldErrors) || {}).map(([k, v]) => [
      k,
      v.map((m) => translateError?.[m] ?? translateError?.[k] ?? m),
    ]),
  );

  useEffect(() => {
    if (!pending) running.current = false;
  }, [pending]);

  // Find the flagged fields on the page, in reading order, and move focus to the first. Errors
  // for names no field carries (a hidden input, the whole form) are listed as plain text below.
  useLayoutEffect(() => {
    const form = formRef.current;
    const names = Object.keys((shown && !shown.ok && shown.fieldErrors) || {});
    const found: (Flagged & { wrap: Element })[] = [];
    for (const name of names) {
      const wrap = form?.querySelector(`[${FIELD_ATTR}="${CSS.escape(name)}"]`);
      const control = wrap?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea");
      if (!wrap || !control) continue;
      const label = wrap.querySelector(`[${FIELD_LABEL_ATTR}]`)?.textContent?.trim() || name;
      found.push({ name, label, control, wrap });
    }
    found.sort((a, b) =>
      a.wrap.compareDocumentPosition(b.wrap) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
    );
    setFlagged({ for: shown, fields: found });
    found[0]?.control.focus();
  }, [shown]);

  // React resets a form after its action runs, which would wipe what someone typed when the
  // server answers "please fix this field". Submitting through a transition keeps the inputs;
  // without JavaScript the form still posts natively to the same action.
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (running.current) return; // a second click, or Enter, while the first submit runs
    running.current = true;
    const by = (e.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(e.currentTarget, by);
    setStale(state);
    setSubmitter(by);
    startTransition(() => formAction(data));
  };

  const goTo = (control: HTMLElement) => (e: MouseEvent) => {
    e.preventDefault();
    control.focus();
    control.scrollIntoView({ block: "center" });
  };

  const fields = flagged.for === shown ? flagged.fields : [];
  const listed = new Set(fields.map((f) => f.name));
  const unlisted =
    flagged.for === shown ? Object.entries(fieldErrors).filter(([name]) => !listed.has(name)) : [];
  const failed = shown && !shown.ok && (shown.message || unlisted.length > 0 || fields.length > 0);
  return (
    <form ref={formRef} action={formAction} onSubmit={submit} className={className} aria-busy={pending}>
      <div aria-live="polite" role="status">
        {failed ? (
          <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {shown.message && <p className="font-medium">{tr(shown.message)}</p>}
            {fields.length + unlisted.length > 0 && (
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {fields.map((f) => (
                  <li key={f.name}>
                    {/* The name only: the message itself stands beside the field, read with it. */}
                    <a
                      href={f.control.id ? `#${f.control.id}` : undefined}
                      onClick={goTo(f.control)}
                      className="font-semibold text-red-900 underline"
                    >
                      {f.label}
                    </a>
                  </li>
                ))}
                {unlisted.map(([name, messages]) => (
                  <li key={name}>{messages.join(" ")}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
        {shown?.ok && (shown.message || successMessage) ? (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">
            {shown.message ?? successMessage}
          </p>
        ) : null}
      </div>
      <Pending.Provider value={{ pending, submitter }}>
        <FormErrors.Provider value={fieldErrors}>{children}</FormErrors.Provider>
      </Pending.Provider>
    </form>
  );
}
