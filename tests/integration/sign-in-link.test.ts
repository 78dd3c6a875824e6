// Emailed staff sign-in links through the real Auth.js route on a real database: opening a link
// (a GET, as mail scanners and link previews do) never uses it up; only the confirmation page's
// POST from this site signs in; every redirect Auth.js builds is on APP_URL, not on the Host the
// request came in on.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { decode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/db";
import { outbox, users, verificationTokens } from "@/db/schema";
import { env } from "@/env";
import { loadStaffActor } from "@/server/staff/load-staff-actor";
import { revokeStaffSessions } from "@/server/staff/revoke-sessions";
import { seededDb } from "../support/seeded-db";

const APP = "http://app.test:3000";
// Where the request really arrived: the app's own port behind a proxy, as Next sees it.
const INNER = "http://localhost:4123";
const EMAIL = "facilitator@northwind.example";

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** Asks for a link as the sign-in page does; earlier links of the address are dropped first. */
async function requestLink(): Promise<URL> {
  await db.delete(verificationTokens).where(eq(verificationTokens.identifier, EMAIL));
  const csrf = await GET(new NextRequest(`${INNER}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await POST(
    new NextRequest(`${INNER}/api/auth/signin/email`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf),
        origin: APP,
      },
      body: new URLSearchParams({ csrfToken, email: EMAIL, callbackUrl: `${APP}/sessions` }),
    }),
  );
  expect(res.status).toBeLessThan(400);
  const [mail] = await db.select().from(outbox).where(eq(outbox.kind, "sign_in"));
  await db.delete(outbox).where(eq(outbox.kind, "sign_in"));
  const href = /http:\/\/app\.test:3000\/\S+/.exec(mail?.text ?? "")?.[0];
  if (!href) throw new Error(`no link in ${mail?.text}`);
  return new URL(href);
}

const tokensLeft = async () =>
  (await db.select().from(verificationTokens).where(eq(verificationTokens.identifier, EMAIL))).length;

const callback = (link: URL, init?: { method: string; origin?: string }) =>
  (init?.method === "POST" ? POST : GET)(
    new NextRequest(`${INNER}/api/auth/callback/email${link.search}`, {
      method: init?.method ?? "GET",
      headers: {
        ...(init?.origin ? { origin: init.origin } : {}),
        "content-type": "application/x-www-form-urlencoded",
      },
      ...(init?.method === "POST" ? { body: "" } : {}),
    }),
  );

beforeAll(async () => {
  await seededDb();
});

describe("emailed sign-in links", () => {
  it("open a confirmation page on APP_URL; a GET of the link, however often, leaves it usable", async () => {
    const link = await requestLink();
    expect(`${link.origin}${link.pathname}`).toBe(`${APP}/sign-in/confirm`);
    expect(await tokensLeft()).toBe(1);
    // An old-style link straight to Auth.js's callback, opened by a scanner: sent to the page.
    for (let i = 0; i < 3; i++) {
      const res = await callback(link);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`${APP}/sign-in/confirm${link.search}`);
      expect(res.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);
    }
    expect(await tokensLeft()).toBe(1);
  });

  it("sign in only on a POST from this site, once; a used link's error page is on APP_URL", async () => {
    const link = await requestLink();
    const forged = await callback(link, { method: "POST", origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expect(await tokensLeft()).toBe(1);

    const ok = await callback(link, { method: "POST", origin: APP });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe(`${APP}/sessions`);
    expect(ok.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    expect(await tokensLeft()).toBe(0);

    const again = await callback(link, { method: "POST", origin: APP });
    expect(again.headers.get("location")).toMatch(new RegExp(`^${APP}/sign-in\\?error=`));
    expect(again.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(false);
  });

  it("a session carries the user's session version; signing out (a raised version) ends every copy of it", async () => {
    /** Signs in through the link and returns what the session cookie says. */
    const signInOnce = async () => {
      const res = await callback(await requestLink(), { method: "POST", origin: APP });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
      const token = cookie?.split(";")[0]?.split("=")[1] ?? "";
      const jwt = await decode({ token, secret: env.AUTH_SECRET, salt: "authjs.session-token" });
      return { sub: String(jwt?.sub), sessionVersion: Number(jwt?.sv) };
    };
    const user = await db.query.users.findFirst({ where: eq(users.email, EMAIL) });
    const first = await signInOnce();
    expect(first).toEqual({ sub: user?.id, sessionVersion: user?.sessionVersion });
    expect(await loadStaffActor(db, first.sub, first)).toMatchObject({ email: EMAIL });

    await revokeStaffSessions(first.sub);
    // The old cookie (on this device or copied anywhere) no longer makes a staff member.
    expect(await loadStaffActor(db, first.sub, first)).toBeNull();
    const second = await signInOnce();
    expect(second.sessionVersion).toBe(first.sessionVersion + 1);
    expect(await loadStaffActor(db, second.sub, second)).toMatchObject({ email: EMAIL });
  });

  it("refuses an oversized post to Auth.js unread", async () => {
    const res = await POST(
      new NextRequest(`${INNER}/api/auth/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: APP },
        body: `email=${"a".repeat(100_000)}`,
      }),
    );
    expect(res.status).toBe(413);
  });
});
