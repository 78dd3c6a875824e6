import "server-only";
import { env } from "@/env";

/**
 * For route handlers that act on a form POST: the request must come from a page of this site.
 * Server actions get this check from Next; route handlers do not. Browsers send `Origin` on every
 * POST; `Sec-Fetch-Site` covers the few that omit it for same-origin requests.
 */
export function isSameOriginPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin) return origin === new URL(env.APP_URL).origin;
  return headers.get("sec-fetch-site") === "same-origin";
}

/**
 * For JSON endpoints that non-browser clients may call too: refuses only what a browser marks as
 * coming from another site (a forged cross-site request always carries one of these headers).
 */
export function isCrossSiteBrowserPost(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin) return origin !== new URL(env.APP_URL).origin;
  return headers.get("sec-fetch-site") === "cross-site";
}
