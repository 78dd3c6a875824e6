import type { ButtonHTMLAttributes } from "react";
import { FormButton } from "./form-button";

const VARIANTS = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 disabled:bg-slate-400",
  secondary: "bg-white text-slate-900 ring-1 ring-inset ring-slate-300 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  ghost: "text-blue-800 hover:bg-blue-50",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary", extra = "") {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-semibold transition-colors aria-disabled:cursor-wait aria-disabled:opacity-75 disabled:cursor-not-allowed ${VARIANTS[variant]} ${extra}`;
}

/** A submit button; inside an ActionForm it is disabled (with a spinner) while the action runs. */
export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <FormButton type="submit" {...props} className={buttonClass(variant, className)} />;
}
