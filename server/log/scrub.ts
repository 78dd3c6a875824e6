import "server-only";

// What may reach a log line. Logs are read by more people than the database (operators, a log
// vendor), and kept longer, so nothing personal goes in: no addresses, names, tokens or personal
// links. Names cannot be recognised in free text, so the rule is structural: we never log a
// statement's parameters (drizzle puts them into its error messages) nor a request's path (it
// carries tokens), and the patterns below catch what slips through in messages from libraries.

const EMAIL = /[^\s<>()[\]"',;:=/]+@[^\s<>()[\]"',;:]+\.[^\s<>()[\]"',;:]+/g;
/** A JWT (LiveKit tokens, Auth.js cookies): three base64url parts, the first a JSON header. */
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** The path of a personal link, e.g. /i/<token>, /s/<token>: keep the kind, drop the rest. */
const PERSONAL_PATH = /(\/(?:i|s)\/)[^\s"'?#/]+/g;
/** A query string can carry tokens (callbacks, magic links): drop it whole. */
const QUERY = /(https?:\/\/[^\s"'?#]+)\?[^\s"'#]*/g;
/** Long strings that look random (our tokens are 43 base64url characters; hashes 64 hex). */
const SECRET_LIKE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Mixed case and digits, or long hex: not a snake_case name such as a migration's. */
const looksRandom = (s: string) =>
  !UUID.test(s) && ((/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s)) || /^[0-9a-f]{32,}$/i.test(s));
/** drizzle's "Failed query: <sql>\nparams: <values>": the values are the personal part. */
const PARAMS = /(\bparams:)[^\n]*/g;

export function scrubText(text: string): string {
  return text
    .replace(PARAMS, "$1 [redacted]")
    .replace(JWT, "[jwt]")
    .replace(EMAIL, "[email]")
    .replace(QUERY, "$1?[redacted]")
    .replace(PERSONAL_PATH, "$1[token]")
    .replace(SECRET_LIKE, (m) => (looksRandom(m) ? "[secret]" : m));
}

/** Keys whose values are never logged, whatever they hold (matched case-insensitively). */
const SECRET_KEYS =
  /^(email|to|from|cc|bcc|name|displayname|fullname|firstname|lastname|phone|token|accesstoken|password|secret|authorization|cookie|set-cookie|params|args|body|text|html|link|url|invitelink|surveylink)$/i;

/** A value made safe to log: strings scrubbed, secret keys censored, errors reduced. */
export function scrubValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 6) return "[deep]";
  if (value instanceof Error) return safeError(value);
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => scrubValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEYS.test(key) ? "[redacted]" : scrubValue(v, depth + 1);
  }
  return out;
}

export type SafeError = { type: string; code?: string; message: string; stack?: string; cause?: SafeError };

/**
 * An error as it may be logged. drizzle's query errors carry the SQL and its parameters: only the
 * underlying database error is kept. Stacks are kept (they name our files, not people's data) but
 * scrubbed like the message, because V8 repeats the message on the stack's first line.
 */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error))
    return { type: typeof error, message: scrubText(String(error)).slice(0, 500) };
  if ("params" in error && "query" in error) {
    return {
      type: error.name,
      message: "query failed",
      cause: error.cause !== undefined && depth < 3 ? safeError(error.cause, depth + 1) : undefined,
    };
  }
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    code: typeof code === "string" ? code : undefined,
    message: scrubText(error.message).slice(0, 500),
    stack: error.stack ? scrubText(error.stack.split("\n").slice(1, 9).join("\n")) : undefined,
    cause: error.cause !== undefined && depth < 3 ? safeError(error.cause, depth + 1) : undefined,
  };
}
