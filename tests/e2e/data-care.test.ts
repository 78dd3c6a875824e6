// Promises to customers and staff, against the production build in real Chromium and over raw
// HTTP: withdrawing ends on the withdrawn page in the customer's language with a confirmation
// mail that carries nothing erased; an emailed sign-in link survives any number of GETs (mail
// scanners) and signs in only from its page's button; hostile posts — another site's, oversized,
// chunked, malformed — get a fast 4xx, never a 500.
import { and, eq, gt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, sessions, surveys } from "@/db/schema";
import { hashToken } from "@/server/security/tokens";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";
import { type RawOptions, rawRequest } from "../support/raw-request";

const { app, newPage, mailTo } = journey();
const SHOTS = process.env.SCREENSHOT_DIR;

const GUEST = { name: "Trần Thị Mai", email: "mai.datacare@example.com", language: "vi" as const };
const OTHER = { name: "Oskar Lindqvist", email: "oskar.datacare@example.com", language: "en" as const };
const inviteToken = `dc${crypto.randomUUID().replaceAll("-", "")}abcdefghijk`;
const otherInviteToken = `dc${crypto.randomUUID().replaceAll("-", "")}lmnopqrstuv`;
const surveyToken = `dc${crypto.randomUUID().replaceAll("-", "")}survey00000`;

beforeAll(async () => {
  const session = await app.db.query.sessions.findFirst({
    where: and(eq(sessions.status, "scheduled"), gt(sessions.startsAt, new Date())),
  });
  if (!session) throw new Error("the seed has no scheduled session");
  const [guest, other] = await app.db
    .insert(customers)
    .values([GUEST, OTHER].map((c) => ({ ...c, tags: ["e2e-data-care"] })))
    .returning();
  const week = new Date(Date.now() + 7 * 86400_000);
  const [, otherInv] = await app.db
    .insert(invitations)
    .values([
      {
        sessionId: session.id,
        customerId: guest!.id,
        tokenHash: hashToken(inviteToken),
        tokenExpiresAt: week,
      },
      {
        sessionId: session.id,
        customerId: other!.id,
        tokenHash: hashToken(otherInviteToken),
        tokenExpiresAt: week,
      },
    ])
    .returning();
  await app.db.insert(surveys).values({
    invitationId: otherInv!.id,
    sessionId: session.id,
    sentAt: new Date(),
    tokenHash: hashToken(surveyToken),
    tokenExpiresAt: week,
  });
});

describe("withdrawing from the invitation page", () => {
  it("lands on the withdrawn page in the customer's language and sends a confirmation with nothing erased", async () => {
    const page = await newPage({ width: 320, height: 720 });
    await page.goto(`${app.url}/i/${inviteToken}`);
    await page.waitForURL(/\/invite$/);
    await page.getByText("Ngừng tham gia và xóa thông tin của tôi").first().click();
    await page.getByRole("button", { name: "Có, ngừng tham gia và xóa thông tin của tôi" }).click();
    await page.waitForURL(/\/withdrawn$/);
    await page
      .getByRole("heading", { name: "Bạn đã ngừng tham gia và thông tin cá nhân của bạn đã được xóa." })
      .waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/withdrawn-vi-320.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    const mail = await mailTo(GUEST.email, /Bạn đã ngừng tham gia/);
    for (const part of [mail.text ?? "", mail.html ?? "", mail.subject])
      for (const erased of [GUEST.name, "Trần", "Mai", GUEST.email, "/i/"])
        expect(part).not.toContain(erased);
    const row = await app.db.query.customers.findFirst({ where: eq(customers.email, GUEST.email) });
    expect(row).toBeUndefined();
  });
});

describe("an emailed staff sign-in link", () => {
  it("survives GETs (mail scanners); its page's button signs in, once", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel("Work email").fill("agent@northwind.example");
    await page.getByRole("button", { name: "Email me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();
    const mail = await mailTo("agent@northwind.example", /sign-in link/);
    const link = /http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(mail.text ?? "")?.[0];
    expect(link).toMatch(/\/sign-in\/confirm\?/);
    // A scanner opens it (and Auth.js's own callback form of it) without signing anyone in.
    const callback = link!.replace("/sign-in/confirm?", "/api/auth/callback/email?");
    for (const url of [link!, callback, link!]) {
      const res = await fetch(url, { redirect: "manual" });
      expect(res.status === 200 || res.status === 303).toBe(true);
      expect(res.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);
    }
    await page.goto(link!);
    await page.getByText("Continue as").waitFor();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/sign-in-confirm.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    expect(new URL(page.url()).origin).toBe(app.url);
    // Used up: opening it again and pressing the button leads back to sign-in with an error.
    const again = await newPage({ width: 1280, height: 900 });
    await again.goto(link!);
    await again.getByRole("button", { name: "Sign in" }).click();
    // On the configured APP_URL (127.0.0.1 here), not on "localhost:<port>".
    await again.waitForURL(/\/sign-in\?error=/);
    expect(new URL(again.url()).origin).toBe(app.url);
  });
});

const raw = (path: string, opts: RawOptions) => rawRequest(app.url, path, opts);

const cookieFrom = async (path: string) => {
  const res = await fetch(new URL(path, app.url), { redirect: "manual" });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
};

const TEN_MB = 10 * 1024 * 1024;
const hostile: { what: string; status: number; ms: number }[] = [];

describe("hostile posts", () => {
  it("refuses server actions from another origin with 403, oversized ones with 413, chunked ones with 411", async () => {
    const cookie = await cookieFrom(`/i/${otherInviteToken}`);
    const page = await (await fetch(new URL("/invite", app.url), { headers: { cookie } })).text();
    const actionId = /\$ACTION_ID_([0-9a-f]+)/.exec(page)?.[1];
    expect(actionId).toBeDefined();
    const action = { "next-action": actionId!, cookie, "content-type": "text/plain;charset=UTF-8" };
    const cases: [string, Parameters<typeof raw>[1], number][] = [
      ["cross-origin action", { headers: { ...action, origin: "https://evil.example" }, body: "[]" }, 403],
      ["cross-site action", { headers: { ...action, "sec-fetch-site": "cross-site" }, body: "[]" }, 403],
      [
        "10 MB action with length",
        {
          headers: { ...action, origin: app.url, "content-length": String(TEN_MB) },
          body: "x".repeat(TEN_MB),
        },
        413,
      ],
      ["10 MB chunked action", { headers: { ...action, origin: app.url }, chunkedBytes: TEN_MB }, 411],
    ];
    for (const [what, opts, status] of cases) {
      const res = await raw("/invite", opts);
      hostile.push({ what, status: res.status, ms: res.ms });
      expect([what, res.status]).toEqual([what, status]);
    }
  });

  it("answers malformed server-action bodies with a 4xx, never a 500", async () => {
    const cookie = await cookieFrom(`/i/${otherInviteToken}`);
    const page = await (await fetch(new URL("/invite", app.url), { headers: { cookie } })).text();
    const actionId = /\$ACTION_ID_([0-9a-f]+)/.exec(page)?.[1];
    if (!actionId) throw new Error("the invitation page names no server action");
    const bodies: [string, string, string][] = [
      ["not a flight reply", "text/plain;charset=UTF-8", "{{{not json"],
      [
        "broken multipart",
        "multipart/form-data; boundary=zzz",
        "--zzz\r\nContent-Disposition: form-data\r\n\r\nx",
      ],
      ["wrong shape", "text/plain;charset=UTF-8", JSON.stringify({ a: 1 })],
    ];
    for (const [what, type, body] of bodies) {
      const res = await raw("/invite", {
        headers: { "next-action": actionId, cookie, origin: app.url, "content-type": type },
        body,
      });
      hostile.push({ what, status: res.status, ms: res.ms });
      expect([what, res.status >= 400 && res.status < 500]).toEqual([what, true]);
    }
  });

  it("bounds the JSON routes' bodies, with or without a length, and refuses cross-site token requests", async () => {
    const surveyCookie = await cookieFrom(`/s/${surveyToken}`);
    const json = { "content-type": "application/json" };
    const cases: [string, string, Parameters<typeof raw>[1], number][] = [
      [
        "chunked survey",
        "/api/survey-response",
        { headers: { ...json, cookie: surveyCookie }, chunkedBytes: TEN_MB },
        413,
      ],
      [
        "10 MB survey with length",
        "/api/survey-response",
        {
          headers: { ...json, cookie: surveyCookie, "content-length": String(TEN_MB) },
          body: "x".repeat(TEN_MB),
        },
        413,
      ],
      ["chunked token", "/api/livekit/token", { headers: json, chunkedBytes: TEN_MB }, 413],
      [
        "10 MB token with length",
        "/api/livekit/token",
        { headers: { ...json, "content-length": String(TEN_MB) }, body: "x".repeat(TEN_MB) },
        413,
      ],
      [
        "cross-site token",
        "/api/livekit/token",
        {
          headers: { ...json, origin: "https://evil.example" },
          body: '{"sessionId":"00000000-0000-4000-8000-000000000000"}',
        },
        403,
      ],
    ];
    for (const [what, path, opts, status] of cases) {
      const res = await raw(path, opts);
      hostile.push({ what, status: res.status, ms: res.ms });
      expect([what, res.status]).toEqual([what, status]);
      expect(res.ms).toBeLessThan(5_000);
    }
    console.log(`[data-care] hostile requests: ${JSON.stringify(hostile)}`);
  });
});
