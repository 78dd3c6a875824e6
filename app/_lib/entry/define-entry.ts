import "server-only";
import type { z } from "zod";
import type { Actor, StaffActor } from "@/server/auth/actor";
import { rateLimited } from "@/server/errors";
import { consumeRateLimit } from "@/server/security/rate-limit";
import { clientKey } from "../client-key";
import { type ActorOf, type Principal, resolveActor } from "./resolve-actor";

/*
 * The entry kit: every server action and route handler goes through it, in this order —
 *
 *   1. resolve the actor once   actor: "staff" | "invitee" | "respondent" | "anyone" | "none"
 *   2. apply the rate limit     limit: (actor, client) => [{ key, max, windowSeconds }, …]
 *   3. parse the input          input: a z.strictObject (an unknown field is an error, not ignored)
 *   4. call the domain          run: ({ actor, input }) => …   (the domain authorizes with can())
 *   5. map the errors           DomainError / ZodError → a form state, an { ok, message } result
 *                               or an HTTP status with a JSON body (edge-errors.ts; nowhere else)
 *
 * Define the use case once with `entry({...})` and expose it through one adapter or several:
 *
 *   // a form's server action, in a "use server" file (form-action.ts)
 *   export const createInsightAction = formAction(
 *     entry({ actor: "staff", input: zCreateInsight, run: ({ actor, input }) => createInsight(actor, input) }),
 *     { arrays: ["reasonCodeIds"], done: ({ id }) => redirect(`/insights/${id}`) },
 *   );
 *   // the same, shorter: staffEntry(zCreateInsight, createInsight)
 *   // a server action a client component calls with a plain object (client-action.ts)
 *   export const addNoteAction = clientAction(
 *     entry({ actor: "staff", input: zAddNote, run: ({ actor, input }) => addNote(actor, input) }),
 *   );
 *   // a route handler (route-handler.ts)
 *   export const POST = routeHandler(submitSurvey, { label: "survey-response", csrf: "not-cross-site" });
 *
 * The survey answer is one entry (app/(customer)/survey/submit-survey.ts) behind both its form
 * action and POST /api/survey-response: one path, one rate limit.
 */

export type RateLimit = { key: string; max: number; windowSeconds: number };

export type Entry<P extends Principal, S extends z.ZodType, R> = {
  actor: P;
  input: S;
  /** Counted in order, before the input is read; the first one exhausted refuses the call (429). */
  limit?: (actor: ActorOf<P>, client: string) => RateLimit[];
  run: (call: { actor: ActorOf<P>; input: z.output<S> }) => Promise<R>;
};

/**
 * Declares a use case at the edge. Its input must be a z.strictObject: a field nobody reads is a
 * mistake or a probe, so it is refused rather than dropped. A loose schema fails at module load.
 */
export function entry<P extends Principal, S extends z.ZodType, R>(def: Entry<P, S, R>): Entry<P, S, R> {
  const shape = def.input._zod.def as { type: string; catchall?: z.ZodType };
  if (shape.type !== "object" || shape.catchall?._zod.def.type !== "never")
    throw new Error("An entry's input must be a z.strictObject");
  return def;
}

/** The common case: a signed-in staff member runs a domain command, `command(actor, input)`. */
export const staffEntry = <S extends z.ZodType, R>(
  input: S,
  command: (actor: StaffActor, input: z.output<S>) => Promise<R>,
) => entry({ actor: "staff", input, run: ({ actor, input }) => command(actor, input) });

/**
 * Steps 1–4 for one call. `read` gives the raw input (called after the rate limit, so a refused
 * caller's body is never read); `headers` the request's, read only when a limit needs the client
 * key. Errors are thrown as they are: each adapter maps them for its kind of caller.
 */
export async function runEntry<P extends Principal, S extends z.ZodType, R>(
  def: Entry<P, S, R>,
  read: () => unknown,
  headers: () => Promise<Headers> | Headers,
): Promise<{ result: R; input: z.output<S>; actor: Actor }> {
  const actor = await resolveActor(def.actor);
  if (def.limit) {
    const client = clientKey(await headers());
    for (const l of def.limit(actor, client)) {
      const decision = await consumeRateLimit(l.key, l.max, l.windowSeconds);
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    }
  }
  const input = def.input.parse(await read()) as z.output<S>;
  return { result: await def.run({ actor, input }), input, actor };
}
