import "server-only";

export type Backoff = { baseMs: number; maxMs: number };

/**
 * Delay before retry number `attempt` (1-based): exponential, capped, with ±25 % jitter so a
 * burst of failures (an SMTP outage) does not come back as a synchronized burst of retries.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: Backoff, random = Math.random): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.75 + random() * 0.5));
}

const EMAIL_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

/**
 * An error as one short line that is safe to store and log: addresses are masked (SMTP servers
 * echo recipients in their replies) and the text is capped.
 */
export function safeErrorText(error: unknown): string {
  // drizzle wraps database errors with the SQL and its parameters, which can hold personal data:
  // keep only the underlying database error.
  if (error instanceof Error && "params" in error && "query" in error) {
    return `query failed: ${error.cause === undefined ? "unknown cause" : safeErrorText(error.cause)}`.slice(
      0,
      500,
    );
  }
  const e = error as { name?: unknown; code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [
    typeof e?.code === "string" ? e.code : typeof e?.name === "string" ? e.name : "Error",
    typeof e?.responseCode === "number" ? String(e.responseCode) : "",
    typeof e?.message === "string" ? e.message : String(error),
  ];
  return parts.filter(Boolean).join(" ").replace(EMAIL_LIKE, "<redacted>").replace(/\s+/g, " ").slice(0, 500);
}
