import "server-only";

/** A coarse client key for rate limits (the proxy in front sets X-Forwarded-For). */
export function clientKey(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
