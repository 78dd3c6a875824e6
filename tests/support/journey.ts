// Shared steps of the browser journeys: the app and Chromium started before a file's tests and
// stopped after them, a phone-sized page, demo sign-in, scheduling a session, waiting for a mail
// from the app's SMTP server and pulling a personal link out of it, and a booked guest seeded
// straight into the database.
import { createHash, randomBytes } from "node:crypto";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { customers, invitations } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import type { Accommodation } from "@/lib/domain/accommodations";
import { type AppServer, startAppServer } from "./app-server";
import { launchChromium } from "./chromium";

/**
 * Call once at the top of a browser test file, before its own hooks: the app and Chromium start
 * in a `beforeAll` that runs first, and every page, Chromium and the app close in an `afterAll`
 * that runs last (vitest's hooks run as a stack). `app` is filled in when it has started.
 */
export function journey() {
  const app = {} as AppServer;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    Object.assign(app, await startAppServer());
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app.close?.();
  });

  const chromium = () => {
    if (!browser) throw new Error("Chromium is not started yet (journey's beforeAll)");
    return browser;
  };

  /** A fresh context (own cookies); `setup` runs on it first, e.g. to install an in-page probe. */
  async function newPage(
    viewport = { width: 390, height: 844 },
    setup?: (ctx: BrowserContext) => Promise<void>,
    options: Omit<BrowserContextOptions, "viewport"> = {},
  ): Promise<Page> {
    const ctx = await chromium().newContext({ ...options, viewport });
    // Shared CI machines are slow and noisy; these are waits, not performance assertions.
    ctx.setDefaultTimeout(60_000);
    contexts.push(ctx);
    await setup?.(ctx);
    return ctx.newPage();
  }

  async function signInAs(page: Page, name: string) {
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole("button", { name: new RegExp(name) }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  }

  /** Fills the new-session form: `title`, starting `daysAhead` days from now in London time. */
  async function fillNewSession(page: Page, title: string, daysAhead = 2) {
    await page.goto(`${app.url}/sessions/new`);
    await page.getByLabel("Title", { exact: true }).fill(title);
    await page
      .getByLabel("Starts at")
      .fill(instantToZonedWallTime(new Date(Date.now() + daysAhead * 86400_000), "Europe/London"));
    await page.getByLabel("Time zone").selectOption("Europe/London");
  }

  /** Creates and schedules that session; leaves the page on it and returns its address. */
  async function scheduleSession(page: Page, title: string, daysAhead = 2) {
    await fillNewSession(page, title, daysAhead);
    await page.getByRole("button", { name: "Create and schedule" }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    return page.url();
  }

  async function mailTo(address: string, subject: RegExp) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = app.smtp.received.find((m) => m.to.includes(address) && subject.test(m.subject));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no mail to ${address} matching ${subject}\n${app.logs().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const linkIn = (text: string, prefix: string) => {
    const m = new RegExp(`${app.url.replace(/[.:/]/g, "\\$&")}${prefix}[A-Za-z0-9_-]+`).exec(text);
    if (!m) throw new Error(`no ${prefix} link in: ${text}`);
    return m[0];
  };

  return { app, browser: chromium, newPage, signInAs, fillNewSession, scheduleSession, mailTo, linkIn };
}

/**
 * A customer with an accepted invitation to `sessionId`, and their personal link (made as
 * server/security/tokens.ts makes one: that module is server-only).
 */
export async function bookGuest(
  app: AppServer,
  sessionId: string,
  guest: { name: string; email?: string; timeZone?: string; accommodations?: Accommodation[] },
) {
  const [c] = await app.db
    .insert(customers)
    .values({
      name: guest.name,
      email: guest.email ?? `${crypto.randomUUID()}@example.com`,
      language: "en",
      timeZone: guest.timeZone ?? "Europe/London",
    })
    .returning();
  const token = randomBytes(32).toString("base64url");
  const [inv] = await app.db
    .insert(invitations)
    .values({
      sessionId,
      customerId: c!.id,
      status: "accepted",
      tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      ...(guest.accommodations ? { accommodations: guest.accommodations } : {}),
    })
    .returning();
  return { token, link: `${app.url}/i/${token}`, invitationId: inv!.id, customerId: c!.id };
}
