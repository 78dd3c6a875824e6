// The executive dashboard in real Chromium against the production build: an executive sees the
// trends, the Pareto, the seeded emerging issue with its test, scorecards, a before/after with its
// sentence and quotes; the page passes axe on desktop and at 320 px; filters live in the URL;
// the CSV and PDF download; the page itself ships no chart JavaScript.
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs } = journey();
let context: BrowserContext;
let page: Page;

async function shot(p: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await p.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  page = await newPage({ width: 1280, height: 900 }, undefined, { acceptDownloads: true });
  context = page.context();
  await signInAs(page, "Evan Executive");
});

describe("executive dashboard", () => {
  it("shows every part, states the emerging-issue test, and passes axe", async () => {
    await page.goto(`${app.url}/dashboard`);
    await page.getByRole("heading", { name: "What customers are telling us" }).waitFor();
    for (const name of [
      "CSAT %",
      "NPS",
      "CES (effort, 1–7)",
      "Response rate",
      "What customers raise most (Pareto of reason codes)",
    ])
      await page.getByRole("heading", { name, exact: true }).waitFor();
    await page.getByText(/#9 My prepayment top-up didn't arrive: \d+ mentions this week/).waitFor();
    await page.getByText(/exact one-sided Poisson rate test/).waitFor();
    await page.getByRole("heading", { name: "Department scorecards" }).waitFor();
    await page
      .getByText(/^(Satisfaction (rose|fell|stayed)|Too few answers)/)
      .first()
      .waitFor();
    await page.getByRole("heading", { name: "In their words" }).waitFor();
    expect(await page.locator("figure svg[role=img]").count()).toBeGreaterThanOrEqual(6);
    // The charts are server SVG: no chart library in the page's scripts.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).join(" "));
    expect(scripts).not.toMatch(/d3|chart/i);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "dashboard-desktop");
    // A table view of each chart's numbers, on a page of its own (loaded only when asked for).
    await page.getByRole("link", { name: "Show the numbers of CSAT % as a table" }).click();
    await page.waitForURL(/\/dashboard\/numbers\?.*table=trends/);
    await page.getByRole("table", { name: /^Trends by (week|month)$/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "dashboard-numbers");
  });

  it("a Pareto bar's code leads to the insights and listening log carrying it", async () => {
    await page.goto(`${app.url}/dashboard`);
    const link = page.getByRole("link", { name: /^#9 / }).first();
    await link.click();
    await page.waitForURL(/\/insights\?code=9/);
    await page.getByText(/Insights carrying reason code #9/).waitFor();
    await page.getByRole("link", { name: "listening-log entries with this code" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps filters in the URL", async () => {
    await page.goto(`${app.url}/dashboard`);
    await page.getByLabel("Language").selectOption("zh");
    await page.getByLabel("Group by").selectOption("month");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/language=zh/);
    expect(page.url()).toMatch(/grain=month/);
    await page.getByRole("heading", { name: "Trends by month" }).waitFor();
  });

  it("downloads the CSV and the PDF of the view", async () => {
    await page.goto(`${app.url}/dashboard?language=vi`);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "All numbers (CSV)" }).click(),
    ]);
    const text = await (await csv.createReadStream()).toArray();
    const body = Buffer.concat(text as Buffer[]).toString("utf8");
    expect(body).toContain("Reason codes (Pareto)");
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "This view as PDF" }).click(),
    ]);
    const bytes = Buffer.concat((await (await pdf.createReadStream()).toArray()) as Buffer[]);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("works at 320 px and passes axe there", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 320, height: 800 });
    await phone.goto(`${app.url}/dashboard`);
    await phone.getByRole("heading", { name: "What customers are telling us" }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(phone)).toEqual([]);
    await shot(phone, "dashboard-phone");
    await phone.close();
  });
});

describe("role homes and the sessions calendar", () => {
  it("a facilitator lands on their day; the calendar and the views pass axe", async () => {
    const p = await context.newPage();
    await p.context().clearCookies();
    await signInAs(p, "Farah Facilitator");
    await p.goto(`${app.url}/`);
    await p.getByRole("heading", { name: "Waiting for triage" }).waitFor();
    await p.getByRole("heading", { name: "Actions to verify" }).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "home-facilitator");
    await p.goto(`${app.url}/sessions?view=calendar`);
    await p
      .getByRole("navigation", { name: "Session views" })
      .getByRole("link", { name: "Calendar" })
      .waitFor();
    expect(await p.getByRole("link", { name: "Calendar" }).getAttribute("aria-current")).toBe("page");
    expect(await axeViolations(p)).toEqual([]);
    await shot(p, "sessions-calendar");
    await p.goto(`${app.url}/sessions?view=past&q=a`);
    await p.waitForURL(/view=past/);
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });
});
