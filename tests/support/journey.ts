// Shared steps of the browser journeys: a phone-sized page, demo sign-in, waiting for a mail
// from the app's SMTP server and pulling a personal link out of it.
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { AppServer } from "./app-server";

export function journey(app: () => AppServer, browser: () => Browser) {
  const contexts: BrowserContext[] = [];

  /** A fresh context (own cookies); `setup` runs on it first, e.g. to install an in-page probe. */
  async function newPage(
    viewport = { width: 390, height: 844 },
    setup?: (ctx: BrowserContext) => Promise<void>,
  ): Promise<Page> {
    const ctx = await browser().newContext({ viewport });
    // Shared CI machines are slow and noisy; these are waits, not performance assertions.
    ctx.setDefaultTimeout(60_000);
    contexts.push(ctx);
    await setup?.(ctx);
    return ctx.newPage();
  }

  async function signInAs(page: Page, name: string) {
    await page.goto(`${app().url}/sign-in`);
    await page.getByRole("button", { name: new RegExp(name) }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  }

  async function mailTo(address: string, subject: RegExp) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const found = app().smtp.received.find((m) => m.to.includes(address) && subject.test(m.subject));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no mail to ${address} matching ${subject}\n${app().logs().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  const linkIn = (text: string, prefix: string) => {
    const m = new RegExp(`${app().url.replace(/[.:/]/g, "\\$&")}${prefix}[A-Za-z0-9_-]+`).exec(text);
    if (!m) throw new Error(`no ${prefix} link in: ${text}`);
    return m[0];
  };

  const closeAll = async () => {
    for (const c of contexts) await c.close().catch(() => {});
  };

  return { newPage, signInAs, mailTo, linkIn, closeAll };
}
