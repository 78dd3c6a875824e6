import "server-only";
import { isDatabaseBusy } from "@/db/connection";
// Typed domain errors. The domain throws these; only the edges (actions, route handlers, pages)
// turn them into HTTP statuses or form messages, so no stack trace ever reaches a person.

export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "invalid" | "conflict" | "rate_limited" | "unauthenticated",
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what = "Not found") => new DomainError("not_found", what);
export const forbidden = () => new DomainError("forbidden", "You are not allowed to do that");
export const unauthenticated = () => new DomainError("unauthenticated", "Please sign in");
export const conflict = (message: string) => new DomainError("conflict", message);
export const rateLimited = (retryAfterSeconds = 60) =>
  Object.assign(new DomainError("rate_limited", "Too many attempts. Please wait a minute and try again."), {
    retryAfterSeconds,
  });
export const invalid = (message: string, fieldErrors: Record<string, string[]> = {}) =>
  new DomainError("invalid", message, fieldErrors);

export const HTTP_STATUS: Record<DomainError["code"], number> = {
  not_found: 404,
  forbidden: 404, // never confirm that someone else's resource exists
  invalid: 400,
  conflict: 409,
  rate_limited: 429,
  unauthenticated: 401,
};

/**
 * The database was locked by another process for longer than a request should wait; nothing was
 * written. The edges answer 503 with Retry-After (a form: "busy, try again"), never a generic error.
 */
export const isRetryableBusy = (error: unknown): boolean => isDatabaseBusy(error);
export const BUSY_RETRY_AFTER_SECONDS = 2;
