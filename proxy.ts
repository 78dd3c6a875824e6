import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { newNonce, pageCsp } from "@/lib/security/headers";

// Optimistic only: sends visitors without a session cookie to sign-in before rendering a staff
// page. It never decides access — every page, action and handler checks in the domain layer.
// It also answers two kinds of bad post to a page (server actions post to the page's path) with
// a clear 4xx before Next's action handler, which answers both with a 500. And it gives every
// page its Content-Security-Policy with a fresh nonce, which Next puts on its own inline scripts
// (it reads the nonce from the request's policy header); other responses get theirs from next.config.ts.
const STAFF_PREFIXES = [
  "/dashboard",
  "/sessions",
  "/insights",
  "/actions",
  "/customers",
  "/mailbox",
  "/admin",
];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Next's server-action body limit (its default, `serverActions.bodySizeLimit`). */
export const PAGE_POST_MAX_BYTES = 1024 * 1024;
const APP_ORIGIN = new URL(env.APP_URL).origin;

const refuse = (status: number, error: string) =>
  NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store", Connection: "close" } });

/** A post to a page: from this site only, with a declared length within the limit. */
function refusePagePost(request: NextRequest): NextResponse | null {
  const h = request.headers;
  const origin = h.get("origin");
  // Another site's page posting with the visitor's cookies (Next would throw: a 500).
  if ((origin && origin !== APP_ORIGIN) || h.get("sec-fetch-site") === "cross-site")
    return refuse(403, "forbidden");
  const length = h.get("content-length");
  // Browsers always declare the length of a form or fetch body; a chunked post to a page is a
  // script, and its size is only known after reading it all.
  if (length === null) return h.has("transfer-encoding") ? refuse(411, "length_required") : null;
  if (!/^\d+$/.test(length)) return refuse(400, "invalid");
  if (Number(length) > PAGE_POST_MAX_BYTES) return refuse(413, "too_large");
  return null;
}

/**
 * A server action's body must be what Next's own client sends: a JSON array of arguments
 * (text/plain) or a multipart form. Anything else makes Next's decoder throw, which it answers
 * with a 500; the body is at most PAGE_POST_MAX_BYTES here, so reading a copy is cheap.
 */
async function refuseMalformedAction(request: NextRequest): Promise<NextResponse | null> {
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const fetchAction = request.headers.has("next-action");
  try {
    if (type.startsWith("multipart/form-data")) {
      await request.clone().formData();
      return null;
    }
    if (fetchAction && type.startsWith("text/plain")) {
      return Array.isArray(JSON.parse(await request.clone().text())) ? null : refuse(400, "invalid");
    }
  } catch {
    return refuse(400, "invalid");
  }
  // A fetch action is text/plain or multipart; other posts (a route handler's form) pass on.
  return fetchAction ? refuse(415, "unsupported_media_type") : null;
}

/** Every answer to a page request carries the page policy, refusals and redirects included. */
function withPolicy(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export async function proxy(request: NextRequest) {
  const csp = pageCsp({
    nonce: newNonce(),
    livekitUrl: env.LIVEKIT_URL,
    oidcIssuer: env.AUTH_OIDC_ISSUER,
    development: env.NODE_ENV === "development",
    https: APP_ORIGIN.startsWith("https:"),
  });
  if (request.method !== "GET" && request.method !== "HEAD") {
    const refused = refusePagePost(request) ?? (await refuseMalformedAction(request));
    if (refused) return withPolicy(refused, csp);
  }
  const { pathname } = request.nextUrl;
  const staffPage =
    pathname === "/" || STAFF_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (staffPage && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    return withPolicy(NextResponse.redirect(new URL("/sign-in", request.url)), csp);
  }
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  return withPolicy(NextResponse.next({ request: { headers } }), csp);
}

export const config = { matcher: ["/((?!api|_next|i/|s/|favicon.ico).*)"] };
