"use client";

import { type ButtonHTMLAttributes, type MouseEvent, useRef } from "react";
import { useFormPending } from "./action-form";

/** A small spinner for a button whose action runs; hidden from assistive technology. */
export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}

/**
 * A button that knows whether its ActionForm is running. While it runs, every submit button is
 * marked disabled (aria-disabled, so focus stays where it was) and ignores clicks; the one that
 * started the run shows a spinner. Outside an ActionForm it is a plain button.
 */
export function FormButton({ children, onClick, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending, submitter } = useFormPending();
  const ref = useRef<HTMLButtonElement>(null);
  const busy = pending && props.type === "submit";
  const started = busy && submitter !== null && submitter === ref.current;
  const click = (e: MouseEvent<HTMLButtonElement>) => {
    if (busy) e.preventDefault();
    else onClick?.(e);
  };
  return (
    <button ref={ref} {...props} aria-disabled={busy || props["aria-disabled"] || undefined} onClick={click}>
      {started && <Spinner />}
      {children}
    </button>
  );
}
