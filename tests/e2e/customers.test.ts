// The customer directory in real Chromium against the production build: the demo facilitator
// imports a small CSV with one bad row, sees the row's error in the preview, confirms, finds the
// imported customers (markup shown as text), edits one and downloads one customer's export.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs } = journey();
let context: BrowserContext;
let page: Page;

const HOSTILE_NAME = "<b>Lê</b> Thị Nguyệt \u202Eabc";
const CSV = [
  "name,email,language,time_zone,tags,segment,contact_preference,accessibility_notes",
  `"${HOSTILE_NAME}",nguyet.e2e@example.com,vi,Asia/Ho_Chi_Minh,e2e-import;elderly,residential,phone,"Needs captions"`,
  "Broken Row,not-an-email,en,Europe/London,e2e-import,,email,",
  "王芳,wang.fang.e2e@example.com,zh,Asia/Shanghai,e2e-import,smb,email,",
  // Already in the demo directory: updated, not added twice.
  "Zhang Wei,ZHANG.WEI@example.com,zh,Asia/Shanghai,e2e-import,smb,,",
].join("\n");

/** Screenshots for people to look at, only when asked for (SCREENSHOT_DIR). */
async function shot(name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  page = await newPage({ width: 1280, height: 900 }, undefined, { acceptDownloads: true });
  context = page.context();
  await signInAs(page, "Farah Facilitator");
});

describe("customer directory", () => {
  it("imports a CSV through a preview that reports the bad row and keeps the good ones", async () => {
    const before = (await app.db.select({ n: sql<number>`count(*)` }).from(customers))[0]!.n;
    await page.goto(`${app.url}/customers`);
    await page.getByRole("link", { name: "Import CSV" }).click();
    await page.waitForURL(/\/customers\/import$/);
    // Too large: refused in the browser before anything is sent, with the reason.
    await page.getByLabel("CSV file").setInputFiles({
      name: "huge.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`name,email\n${"x".repeat(600 * 1024)},a@example.com`, "utf8"),
    });
    await page.getByText("The file is larger than 512 KB; split it into smaller files.").waitFor();
    expect(await page.getByRole("button", { name: "Preview import" }).isDisabled()).toBe(true);
    // Not UTF-8 (Latin-1 "é"): refused by the server, never stored garbled.
    await page.getByLabel("CSV file").setInputFiles({
      name: "latin1.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("name,email\nRen\xe9,rene@example.com", "latin1"),
    });
    await page.getByRole("button", { name: "Preview import" }).click();
    await page.getByText("Save the file as CSV UTF-8", { exact: true }).waitFor();
    await page.getByLabel("CSV file").setInputFiles({
      name: "customers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV, "utf8"),
    });
    await page.getByRole("button", { name: "Preview import" }).click();
    const bad = page.locator('tr[data-row="3"]');
    await bad.getByText("email: Enter a valid email address").waitFor();
    await page.getByText("2 new, 1 to update, 1 row with errors").waitFor();
    expect(await page.locator('tr[data-row="5"]').textContent()).toContain("Update");
    // The preview stored nothing.
    expect((await app.db.select({ n: sql<number>`count(*)` }).from(customers))[0]!.n).toBe(before);
    // Markup in a cell is shown as text, never rendered.
    await page.locator('tr[data-row="2"]').getByText(HOSTILE_NAME).waitFor();
    expect(await page.locator("table b").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot("customers-import-preview");

    await page.getByRole("button", { name: "Import 3 customers" }).click();
    await page.getByText("Imported: 2 new, 1 updated, 1 row with errors skipped.").waitFor();
    const after = (await app.db.select({ n: sql<number>`count(*)` }).from(customers))[0]!.n;
    expect(after).toBe(before + 2);
    const stored = await app.db.query.customers.findFirst({
      where: eq(customers.email, "nguyet.e2e@example.com"),
    });
    expect(stored?.name).toBe(HOSTILE_NAME); // stored exactly
    const zhang = await app.db
      .select()
      .from(customers)
      .where(sql`lower(${customers.email}) = 'zhang.wei@example.com'`);
    expect(zhang).toHaveLength(1);
    expect(zhang[0]?.tags).toEqual(["e2e-import"]);
  });

  it("lists the imported customers filtered by tag, with the notes visible to the facilitator", async () => {
    await page.getByRole("link", { name: "See the customers" }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByLabel("Tag").selectOption("e2e-import");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/tag=e2e-import/);
    await page.getByText("3 customers match.").waitFor();
    await page.getByRole("link", { name: HOSTILE_NAME }).waitFor();
    await page.getByRole("link", { name: "王芳" }).waitFor();
    await page.getByRole("cell", { name: "Needs captions" }).waitFor();
    expect(await page.locator("table b").count()).toBe(0);
    expect(await page.getByText("Broken Row").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot("customers-list");
  });

  it("edits a customer, refuses a duplicate email with a field error, and exports one customer", async () => {
    await page.getByRole("link", { name: "王芳" }).click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByLabel("Email").fill("NGUYET.E2E@example.com");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Another customer already has this email address", { exact: true }).waitFor();
    await page.getByLabel("Email").fill("wang.fang.e2e@example.com");
    await page.getByLabel("Phone").fill("+86 21 5555 0100");
    await page.getByLabel("Standing accessibility needs").fill("Large text, please");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    const row = await app.db.query.customers.findFirst({
      where: eq(customers.email, "wang.fang.e2e@example.com"),
    });
    expect(row).toMatchObject({ phone: "+86 21 5555 0100", accessibilityNotes: "Large text, please" });
    expect(await axeViolations(page)).toEqual([]);
    await shot("customers-edit");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: /Export this customer/ }).click(),
    ]);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.customer).toMatchObject({ id: row!.id, email: "wang.fang.e2e@example.com" });
    expect(JSON.stringify(data)).not.toContain("nguyet.e2e");
    // The export refuses a post from another site, even with the facilitator's cookie.
    const forged = await page.request.post(`${app.url}/customers/${row!.id}/export`, {
      headers: { origin: "https://evil.example" },
    });
    expect(forged.status()).toBe(403);
  });

  it("an executive opens a record read-only, under a pseudonym, without accessibility notes, and cannot export", async () => {
    const row = await app.db.query.customers.findFirst({
      where: eq(customers.email, "wang.fang.e2e@example.com"),
    });
    const exec = await context.browser()!.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const p = await exec.newPage();
      await signInAs(p, "Evan Executive");
      expect(await p.getByRole("link", { name: "Customers" }).count()).toBe(0);
      await p.goto(`${app.url}/customers/${row!.id}`);
      // Need-to-know: an executive runs none of her sessions, so sees a stable pseudonym, no contacts.
      await p.getByRole("heading", { name: `Guest ${row!.id.slice(0, 4).toUpperCase()}` }).waitFor();
      expect(await p.getByText("王芳").count()).toBe(0);
      expect(await p.getByText("+86 21 5555 0100").count()).toBe(0);
      expect(await p.getByText("Large text, please").count()).toBe(0);
      expect(await p.getByRole("button", { name: /Export/ }).count()).toBe(0);
      expect(await p.getByRole("textbox").count()).toBe(0);
      if (process.env.SCREENSHOT_DIR)
        await p.screenshot({ path: `${process.env.SCREENSHOT_DIR}/customers-executive.png` });
      const res = await p.request.post(`${app.url}/customers/${row!.id}/export`, {
        headers: { origin: app.url },
      });
      expect(res.status()).toBe(404);
      expect(await res.text()).not.toContain("wang.fang");
      expect((await p.goto(`${app.url}/customers`))?.status()).toBe(404);
    } finally {
      await exec.close();
    }
  });
});
