import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import type { FormState } from "@/components/ui/form-state";
import { DomainError } from "@/server/errors";

/** Reads a form into a plain object; repeated names become arrays when listed in `arrays`. */
export function formToObject(form: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

/**
 * Runs a form action and turns domain and validation errors into a FormState the page shows next
 * to the fields. Unexpected errors are logged and answered with a generic message: no stack
 * trace ever reaches the browser. Redirects pass through.
 */
export async function runForm(fn: () => Promise<unknown>): Promise<FormState> {
  try {
    const message = await fn();
    return { ok: true, message: typeof message === "string" ? message : undefined };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError)
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    if (error instanceof ZodError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of error.issues) {
        const key = String(issue.path[0] ?? "form");
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return { ok: false, message: "Please check the highlighted fields.", fieldErrors };
    }
    console.error("[action] unexpected error", error instanceof Error ? error.message : error);
    return { ok: false, message: "Something went wrong. Nothing was lost; please try again." };
  }
}
