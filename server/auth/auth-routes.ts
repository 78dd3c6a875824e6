import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/env";
import { BodyTooLarge, readBoundedText } from "@/server/security/bounded-body";
import { handlers, SIGN_IN_CONFIRM_PATH } from "./config";

const APP = new URL(env.APP_URL);
const EMAIL_CALLBACK = "/api/auth/callback/email";
const AUTH_MAX_BODY_BYTES = 16 * 1024;

/**
 * The request as Auth.js must see it: on the configured APP_URL, whatever Host or forwarded
 * headers arrived (a proxy, 127.0.0.1 vs localhost). Auth.js builds its redirects — the error
 * page among them — from the request's URL and forwarded headers; without this an expired link
 * sent the browser to `localhost:<port>`.
 */
async function onAppUrl(request: NextRequest): Promise<Request> {
  const url = new URL(request.nextUrl.pathname + request.nextUrl.search, APP);
  const headers = new Headers(request.headers);
  headers.set("host", APP.host);
  headers.set("x-forwarded-host", APP.host);
  headers.set("x-forwarded-proto", APP.protocol.replace(":", ""));
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  // Auth.js's own posts are short forms; anything longer is refused unread (413).
  const body = hasBody ? await readBoundedText(request, AUTH_MAX_BODY_BYTES) : undefined;
  headers.delete("content-length");
  // A plain Request: a NextRequest rewrites 127.0.0.1 in its URL to "localhost" (NextURL), which
  // is exactly how Auth.js's redirects ended up on localhost:<port>.
  return new Request(url, { method: request.method, headers, body });
}

/** A browser marks a post from another site; Auth.js checks no CSRF token on the email callback. */
function fromThisSite(headers: Headers): boolean {
  const origin = headers.get("origin");
  const site = headers.get("sec-fetch-site");
  // A page with a no-referrer policy posts with `Origin: null`; Sec-Fetch-Site still tells.
  if (origin && origin !== "null") return origin === APP.origin;
  return origin === "null" ? site === "same-origin" : site !== "cross-site";
}

/**
 * GET /api/auth/* — Auth.js, except an emailed sign-in link: mail scanners and link previews
 * open links, and Auth.js would consume the token on that GET and sign the scanner in. The link
 * is sent to the confirmation page instead, and only its POST reaches Auth.js.
 */
export async function authGet(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    const to = new URL(SIGN_IN_CONFIRM_PATH, APP);
    to.search = request.nextUrl.search;
    const response = NextResponse.redirect(to, 303);
    response.headers.set("Referrer-Policy", "no-referrer");
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  return handlers.GET((await onAppUrl(request)) as NextRequest);
}

/** POST /api/auth/* — Auth.js on APP_URL; the email callback only from this site's own page. */
export async function authPost(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname === EMAIL_CALLBACK && !fromThisSite(request.headers))
    return NextResponse.json({ error: "forbidden" }, { status: 403 });
  try {
    return await handlers.POST((await onAppUrl(request)) as NextRequest);
  } catch (error) {
    if (error instanceof BodyTooLarge) return NextResponse.json({ error: "too_large" }, { status: 413 });
    throw error;
  }
}
