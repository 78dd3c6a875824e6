import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { FormState } from "@/components/ui/form-state";
import { type Entry, runEntry } from "./define-entry";
import { toFormState } from "./edge-errors";
import type { Principal } from "./resolve-actor";

/** Reads a form into a plain object; repeated names become arrays when listed in `arrays`. */
export function formToObject(form: FormData, arrays: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

type Success<St> = string | undefined | Omit<St, "ok">;

/**
 * A form's server action (for `useActionState` / ActionForm) running `def` (see define-entry.ts).
 * `read` turns the form into the raw input (default: every field, `arrays` as lists); `done` says
 * what the page shows after success — a message, extra state, or a redirect — and is where
 * revalidatePath belongs. Errors come back as a FormState; redirects pass through.
 */
export function formAction<
  P extends Principal,
  S extends z.ZodType,
  R,
  St extends NonNullable<FormState> = NonNullable<FormState>,
>(
  def: Entry<P, S, R>,
  opts: {
    arrays?: readonly string[];
    read?: (form: FormData) => unknown;
    done?: (result: R, input: z.output<S>) => Success<St> | Promise<Success<St>>;
    label?: string;
  } = {},
): (prev: St | null, form: FormData) => Promise<St> {
  return async (_prev, form) => {
    try {
      const { result, input } = await runEntry(
        def,
        () => (opts.read ? opts.read(form) : formToObject(form, opts.arrays)),
        headers,
      );
      const shown = opts.done
        ? await opts.done(result, input)
        : typeof result === "string"
          ? result
          : undefined;
      return (typeof shown === "object" ? { ok: true, ...shown } : { ok: true, message: shown }) as St;
    } catch (error) {
      unstable_rethrow(error);
      return toFormState(error, opts.label ?? "action") as St;
    }
  };
}
