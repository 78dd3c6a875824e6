import { type NextRequest, NextResponse } from "next/server";

// Optimistic only: sends visitors without a session cookie to sign-in before rendering a staff
// page. It never decides access — every page, action and handler checks in the domain layer.
const STAFF_PREFIXES = ["/dashboard", "/sessions", "/insights", "/actions", "/customers", "/mailbox"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const staffPage =
    pathname === "/" || STAFF_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (staffPage && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    return NextResponse.redirect(new URL("/sign-in", request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ["/((?!api|_next|i/|s/|favicon.ico).*)"] };
