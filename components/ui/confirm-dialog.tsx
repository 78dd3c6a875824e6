"use client";

import { type MouseEvent, type ReactNode, useEffect, useId, useRef, useState, useTransition } from "react";
import { useFormPending } from "./action-form";
import { Button, type ButtonVariant, buttonClass } from "./button";
import { Spinner } from "./form-button";
import type { FormState } from "./form-state";

// Invoker commands (`commandfor` / `command`) open and close a <dialog> without JavaScript in
// current browsers, so the confirmation also works before hydration; React passes them through.
declare module "react" {
  interface ButtonHTMLAttributes<T> {
    command?: "show-modal" | "close" | "request-close";
    commandfor?: string;
  }
}

/**
 * A confirmation step for an irreversible or mass action, inside the form it confirms. The
 * trigger opens a native modal <dialog> (focus moves into it, Escape or the cancel button closes
 * it, focus returns to the trigger); only its confirm button submits the form. Every text comes
 * from the caller, already translated.
 *
 * `preview` (a server action) is asked when the dialog opens, with the form's current values,
 * e.g. how many people a mass invitation will mail; confirming waits for its answer and is
 * refused while the answer is not ok.
 *
 * Outside a form (a client component that calls an action itself, like the room's moderation
 * buttons), pass `onConfirm` instead: the confirm button then runs it and closes the dialog.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "danger",
  triggerClassName = "",
  triggerClass,
  triggerLabel,
  title,
  children,
  confirmLabel,
  confirmVariant = "danger",
  cancelLabel,
  preview,
  previewPending,
  onConfirm,
  triggerDisabled = false,
  busy = false,
}: {
  /** The visible text of the button that opens the dialog. */
  trigger: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerClassName?: string;
  /** The trigger's whole class, replacing the button style (a place with its own, e.g. the room). */
  triggerClass?: string;
  /** An accessible name for the trigger when its text alone is ambiguous (e.g. "Revoke"). */
  triggerLabel?: string;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  confirmVariant?: ButtonVariant;
  cancelLabel: ReactNode;
  preview?: (form: FormData) => Promise<FormState>;
  previewPending?: ReactNode;
  /** Instead of submitting the enclosing form, confirming calls this. */
  onConfirm?: () => void;
  /** The action is not available now (a real `disabled` on the trigger). */
  triggerDisabled?: boolean;
  /** Outside an ActionForm: whether the confirmed action is running. */
  busy?: boolean;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pending = useFormPending().pending || busy;
  const [answer, setAnswer] = useState<FormState>(null);
  const [asking, startAsking] = useTransition();

  // The dialog closes when its form is submitted; focus goes back to the trigger, which then
  // shows that the action runs.
  useEffect(() => {
    const form = triggerRef.current?.form;
    const close = () => dialogRef.current?.close();
    form?.addEventListener("submit", close);
    return () => form?.removeEventListener("submit", close);
  }, []);

  const open = (e: MouseEvent) => {
    const dialog = dialogRef.current;
    const form = triggerRef.current?.form;
    // The fields behind a modal dialog are inert: check them before asking for confirmation.
    // Cancelling the click also cancels the button's native command.
    if (!dialog || pending || (form && !form.reportValidity())) {
      e.preventDefault();
      return;
    }
    if (!dialog.open) dialog.showModal();
    if (preview && form) {
      setAnswer(null);
      const data = new FormData(form);
      startAsking(async () => setAnswer(await preview(data)));
    }
  };

  const waiting = !!preview && (asking || answer === null);
  const refused = !!preview && answer !== null && !answer.ok;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        commandfor={id}
        command="show-modal"
        aria-haspopup="dialog"
        aria-label={triggerLabel}
        aria-disabled={pending || undefined}
        disabled={triggerDisabled}
        onClick={open}
        className={triggerClass ?? buttonClass(triggerVariant, triggerClassName)}
      >
        {pending && <Spinner />}
        {trigger}
      </button>
      <dialog
        ref={dialogRef}
        id={id}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-xl rounded-lg bg-white p-0 text-slate-900 shadow-xl ring-1 ring-slate-300 backdrop:bg-slate-900/60"
      >
        <div className="space-y-4 p-6">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="space-y-2 text-sm text-slate-700">
            {children}
            {preview && (
              <p
                role="status"
                className={`rounded-md p-3 font-medium ${refused ? "bg-red-50 text-red-900" : "bg-slate-100 text-slate-900"}`}
              >
                {waiting ? previewPending : answer?.message}
              </p>
            )}
          </div>
          {/* Cancel comes first, so it is where focus lands: the safe choice is the default. */}
          <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:flex-wrap sm:justify-end sm:*:shrink-0">
            <button
              type="button"
              commandfor={id}
              command="close"
              onClick={() => dialogRef.current?.close()}
              className={buttonClass("secondary")}
            >
              {cancelLabel}
            </button>
            {onConfirm ? (
              <button
                type="button"
                onClick={() => {
                  dialogRef.current?.close();
                  onConfirm();
                }}
                className={buttonClass(confirmVariant)}
              >
                {confirmLabel}
              </button>
            ) : (
              <Button variant={confirmVariant} disabled={waiting || refused}>
                {confirmLabel}
              </Button>
            )}
          </div>
        </div>
      </dialog>
    </>
  );
}
