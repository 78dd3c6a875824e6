// The security headers of the production build on staff pages, customer pages, personal-link
// redirects and API answers (issue 13: a Content-Security-Policy with a per-request nonce, HSTS,
// and the existing ones); and, in real Chromium under that policy, the staff dashboard, the
// customer's room (joined over LiveKit) and the survey (answered and sent) still work with not
// one policy violation reported by the browser.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, sessions, surveyResponses, surveys, users } from "@/db/schema";
import { HSTS_VALUE, NON_PAGE_CSP } from "@/lib/security/headers";
import { hashToken } from "@/server/security/tokens";
import { journey } from "../support/journey";

let sessionId = "";

const { app, newPage, signInAs } = journey();

async function inviteLink(): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const [c] = await app.db
    .insert(customers)
    .values({
      name: "Thu Tran",
      email: `${crypto.randomUUID()}@example.com`,
      language: "en",
      timeZone: "UTC",
    })
    .returning();
  await app.db.insert(invitations).values({
    sessionId,
    customerId: c!.id,
    status: "accepted",
    tokenHash: hashToken(token),
    tokenExpiresAt: new Date(Date.now() + 86400_000),
  });
  return `${app.url}/i/${token}`;
}

async function surveyLink(): Promise<{ link: string; surveyId: string }> {
  const token = randomBytes(32).toString("base64url");
  const ended = await app.db.query.sessions.findFirst({ where: eq(sessions.status, "ended") });
  const [s] = await app.db
    .insert(surveys)
    .values({
      sessionId: ended!.id,
      invitationId: null,
      tokenHash: hashToken(token),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      sentAt: new Date(),
    })
    .returning();
  return { link: `${app.url}/s/${token}`, surveyId: s!.id };
}

/** Every CSP violation the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  await page.exposeFunction("__cspViolation", (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${e.documentURI}`,
      );
    });
  });
  return seen;
}

const noCache = { redirect: "manual" } as const;

function expectCommon(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("permissions-policy")).toBe("camera=(self), microphone=(self), geolocation=()");
  // A production build; browsers ignore it over plain http, so the test's http server is unaffected.
  expect(res.headers.get("strict-transport-security")).toBe(HSTS_VALUE);
  expect(res.headers.get("x-powered-by")).toBeNull();
}

/** The page policy: a nonce used once, scripts only with it, nothing framed, plugins or bases. */
function expectPagePolicy(res: Response): string {
  const csp = res.headers.get("content-security-policy") ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1] ?? "";
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
  expect(csp).not.toContain("unsafe-eval");
  for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"])
    expect(csp).toContain(d);
  expect(csp).toContain(new URL(app.livekitUrl).origin); // the room's socket
  return nonce;
}

beforeAll(async () => {
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Policy check",
      startsAt: new Date(Date.now() + 3600_000),
      timeZone: "UTC",
      facilitatorId: farah!.id,
    })
    .returning();
  sessionId = s!.id;
});

describe("security headers", () => {
  it("a staff page: a fresh nonce per request, carried by every one of Next's scripts", async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}/sign-in`, noCache);
      expect(res.status).toBe(200);
      expectCommon(res);
      const nonce = expectPagePolicy(res);
      nonces.push(nonce);
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    // A redirect to sign-in carries the policy too.
    const redirect = await fetch(`${app.url}/dashboard`, noCache);
    expect(redirect.status).toBe(307);
    expectPagePolicy(redirect);
  });

  it("a customer's link and page: no referrer, no cache, the page policy", async () => {
    const exchange = await fetch(await inviteLink(), noCache);
    expect(exchange.status).toBe(303);
    expectCommon(exchange);
    expect(exchange.headers.get("content-security-policy")).toBe(NON_PAGE_CSP);
    expect(exchange.headers.get("referrer-policy")).toBe("no-referrer");
    const cookie = exchange.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const page = await fetch(`${app.url}/invite`, { ...noCache, headers: { cookie } });
    expect(page.status).toBe(200);
    expectCommon(page);
    expectPagePolicy(page);
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(page.headers.get("cache-control")).toContain("no-store");
  });

  it("API answers: a policy that loads nothing, and the common headers", async () => {
    for (const [path, init] of [
      ["/api/health", {}],
      ["/api/ping", {}],
      [
        "/api/survey-response",
        { method: "POST", body: "{}", headers: { "content-type": "application/json" } },
      ],
    ] as const) {
      const res = await fetch(`${app.url}${path}`, init);
      expect(res.status, path).toBeLessThan(500);
      expectCommon(res);
      expect(res.headers.get("content-security-policy"), path).toBe(NON_PAGE_CSP);
    }
  });
});

describe("pages under the policy in Chromium", () => {
  it("the staff dashboard renders and reports no violation", async () => {
    const staff = await newPage({ width: 1280, height: 900 });
    const violations = await watchViolations(staff);
    await signInAs(staff, "Farah Facilitator");
    await staff.goto(`${app.url}/dashboard`);
    await staff.getByRole("heading", { level: 1 }).first().waitFor();
    await staff.goto(`${app.url}/sessions/${sessionId}`);
    await staff.getByRole("heading", { name: "Policy check" }).waitFor();
    expect(violations).toEqual([]);
    // The watcher sees what the policy blocks: markup that slipped through would not run.
    await staff.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__ran = 1">'),
    );
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(await staff.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  });

  it("the customer's room joins over LiveKit and reports no violation", async () => {
    const customer = await newPage();
    const violations = await watchViolations(customer);
    await customer.goto(await inviteLink());
    await customer.waitForURL(/\/invite$/);
    await customer.goto(`${app.url}/invite/room`);
    await customer.getByLabel("Join with audio only (no camera)").check();
    await customer.getByRole("button", { name: "Join the session" }).click();
    await customer.locator('[data-phase="connected"]').waitFor();
    expect(violations).toEqual([]);
  });

  it("the survey saves as it is answered, is sent, and reports no violation", async () => {
    const { link, surveyId } = await surveyLink();
    const customer = await newPage();
    const violations = await watchViolations(customer);
    await customer.goto(link);
    await customer.waitForURL(/\/survey$/);
    await customer.locator('label[for="q-csat-4"]').click();
    await customer.getByText("Your answers so far are saved.").waitFor();
    await customer.locator('label[for="q-nps-9"]').click();
    await customer.getByRole("button", { name: "Send my answers" }).click();
    await customer.getByText("Your answers are saved. Thank you").waitFor();
    const saved = await app.db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
    expect(saved).toHaveLength(1);
    expect(violations).toEqual([]);
  });
});
