import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { type Entry, runEntry } from "./define-entry";
import { toActionResult } from "./edge-errors";
import type { Principal } from "./resolve-actor";

/**
 * A server action that client components call with a plain object (the room's controls): runs
 * `def` (see define-entry.ts) and answers `{ ok: true, data }` or `{ ok: false, message }`.
 */
export function clientAction<P extends Principal, S extends z.ZodType, R>(
  def: Entry<P, S, R>,
  label = "client-action",
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    try {
      const { result } = await runEntry(def, () => input, headers);
      return { ok: true, data: result };
    } catch (error) {
      unstable_rethrow(error);
      return toActionResult(error, label);
    }
  };
}
