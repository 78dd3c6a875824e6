import "server-only";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import type { FormState } from "@/components/ui/form-state";
import type { ActionResult } from "@/lib/action-result";
import { BUSY_RETRY_AFTER_SECONDS, DomainError, HTTP_STATUS, isRetryableBusy } from "@/server/errors";
import { log } from "@/server/log/logger";

// The only places where a thrown error becomes what a caller sees. Unexpected errors are logged
// without query parameters (they can hold personal data) and answered generically: no stack trace
// or SQL ever reaches a browser.

const SOMETHING_WENT_WRONG = "Something went wrong. Nothing was lost; please try again.";
const BUSY =
  "We are very busy right now and could not save this. Nothing was changed; please try again in a few seconds.";

/** A body that is too large or not JSON: refused before any zod schema sees it. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: "invalid" | "too_large",
  ) {
    super(code);
    this.name = "BodyError";
  }
}

function logBusy(label: string, error: unknown) {
  log.warn({ component: "entry", entry: label, err: error }, "database busy: answered retry");
}

function logUnexpected(label: string, error: unknown) {
  log.error({ component: "entry", entry: label, err: error }, "unexpected error");
}

/** For forms: messages and field errors beside the fields. */
export function toFormState(error: unknown, label: string): NonNullable<FormState> {
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
  if (isRetryableBusy(error)) {
    logBusy(label, error);
    return { ok: false, message: BUSY };
  }
  logUnexpected(label, error);
  return { ok: false, message: SOMETHING_WENT_WRONG };
}

/** For server actions called from client components: one message. */
export function toActionResult(error: unknown, label: string): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof DomainError) return { ok: false, message: error.message };
  if (error instanceof ZodError)
    return { ok: false, message: error.issues[0]?.message ?? "Please check the form" };
  if (isRetryableBusy(error)) {
    logBusy(label, error);
    return { ok: false, message: BUSY };
  }
  logUnexpected(label, error);
  return { ok: false, message: SOMETHING_WENT_WRONG };
}

/**
 * For route handlers: the domain error's status (someone else's resource is a 404, never a 403)
 * and `{ error: code, issues?: [field paths] }`; an unexpected error is a 503, which asks
 * machine clients such as LiveKit's webhook sender to retry; a busy database a 503 with
 * Retry-After and `{ error: "busy" }`.
 */
export function toErrorResponse(error: unknown, label: string): NextResponse {
  if (error instanceof DomainError) {
    const issues = Object.keys(error.fieldErrors);
    const retryAfter = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
    return NextResponse.json(issues.length ? { error: error.code, issues } : { error: error.code }, {
      status: HTTP_STATUS[error.code],
      headers: error.code === "rate_limited" && retryAfter ? { "Retry-After": String(retryAfter) } : {},
    });
  }
  if (error instanceof ZodError)
    return NextResponse.json(
      {
        error: "invalid",
        // An unknown field is named itself: strict schemas refuse it rather than drop it.
        issues: error.issues.flatMap((i) => (i.code === "unrecognized_keys" ? i.keys : [i.path.join(".")])),
      },
      { status: 400 },
    );
  if (error instanceof BodyError)
    return NextResponse.json(
      error.code === "invalid" ? { error: error.code, issues: [] } : { error: error.code },
      { status: error.status },
    );
  if (isRetryableBusy(error)) {
    logBusy(label, error);
    return NextResponse.json(
      { error: "busy" },
      {
        status: 503,
        headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
      },
    );
  }
  logUnexpected(label, error);
  return NextResponse.json({ error: "unavailable" }, { status: 503 });
}
