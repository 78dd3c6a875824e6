// The shared form pieces in real Chromium against the production build: a double submit creates
// one record, fields have their own ids and labels, a flagged checkbox group is named and
// focused, an irreversible action waits for its confirmation, the 404 page speaks the visitor's
// language with a way back, and long lists are paged and sorted through the URL.
import { eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, sessions } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs, fillNewSession } = journey();

const SHOTS = process.env.SCREENSHOT_DIR;
const TITLE = "Forms e2e — double submit";
const AUDIENCE_TAG = "e2e-forms-audience";
const PAGING_TAG = "e2e-forms-paging";
const PAGED = 55; // more than one page of 50

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * Holds every server-action request of `page` until `release()`, counting them: lets a test look
 * at the form while its action is still running, without any timing guess.
 */
async function holdServerActions(page: Page) {
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const posts: string[] = [];
  await page.route("**/*", async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      posts.push(req.url());
      await gate;
    }
    await route.fallback();
  });
  return {
    posts,
    async release() {
      release();
      await page.unrouteAll({ behavior: "wait" });
    },
  };
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    return a instanceof HTMLInputElement ? `input:${a.name}` : (a?.textContent?.trim() ?? "");
  });

beforeAll(async () => {
  await app.db.insert(customers).values([
    ...["Ana", "Bao", "Chen"].map((n) => ({
      name: `${n} Audience`,
      email: `${n.toLowerCase()}.audience@example.test`,
      tags: [AUDIENCE_TAG],
    })),
    ...Array.from({ length: PAGED }, (_, i) => ({
      name: `Paging ${String(i + 1).padStart(2, "0")}`,
      email: `paging.${i + 1}@example.test`,
      tags: [PAGING_TAG],
    })),
  ]);
});

describe("forms", () => {
  let page: Page;
  let sessionId = "";

  it("a double click on a create form creates one record; the button is disabled while it runs", async () => {
    page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    await fillNewSession(page, TITLE, 4);
    const create = page.getByRole("button", { name: "Create and schedule" });
    const held = await holdServerActions(page);
    await create.dblclick();
    await expect.poll(() => create.getAttribute("aria-disabled")).toBe("true");
    expect(await create.isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save as draft" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    expect(await page.locator("form[aria-busy=true]").count()).toBe(1);
    // Even a click that gets through to the disabled button sends nothing more.
    await create.click({ force: true });
    expect(held.posts).toHaveLength(1);
    await held.release();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    sessionId = page.url().split("/").pop() ?? "";
    const made = await app.db.select().from(sessions).where(eq(sessions.title, TITLE));
    expect(made.map((s) => s.id)).toEqual([sessionId]);
  });

  it("the session page has unique ids, and the edit form's length has its own label", async () => {
    await page.getByRole("heading", { name: TITLE }).waitFor();
    await page.getByText("Edit details").click();
    const editLength = page.getByLabel("Length of the session (minutes)");
    expect(await editLength.count()).toBe(1);
    expect(await editLength.getAttribute("name")).toBe("durationMinutes");
    expect(await editLength.inputValue()).toBe("45");
    // The reschedule form's length is a different field with its own label.
    const reschedule = page.getByLabel("Length (minutes)", { exact: true });
    expect(await reschedule.count()).toBe(1);
    expect(await reschedule.evaluate((el, other) => el !== other, await editLength.elementHandle())).toBe(
      true,
    );
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    expect(duplicates).toEqual([]);
    // Every control is labelled (axe's label rule), the opened edit form included.
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a submit with no customer ticked names the customer group, highlights it and focuses it", async () => {
    const group = page.getByRole("group", { name: "Customers to invite" });
    const form = page.locator("form", { has: group });
    await form.getByRole("button", { name: "Send invitations" }).click();
    const banner = form.getByRole("status");
    await banner.getByText("Please check the highlighted fields.").waitFor();
    await banner.getByRole("link", { name: "Customers to invite" }).waitFor();
    await expect.poll(() => focused(page)).toBe("input:customerIds");
    expect(await group.getByText("Choose at least one customer").count()).toBe(1);
    expect(await group.getAttribute("aria-describedby")).toBeTruthy();
    expect(await group.getByRole("checkbox").first().getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "forms-group-error");

    // The banner's link leads back to the group.
    await page.getByRole("button", { name: "Send invitations" }).focus();
    await banner.getByRole("link", { name: "Customers to invite" }).click();
    expect(await focused(page)).toBe("input:customerIds");

    // A new submit clears the old error at once, before its own answer arrives.
    await group.getByRole("checkbox", { name: /Ana Audience/ }).check();
    const held = await holdServerActions(page);
    await form.getByRole("button", { name: "Send invitations" }).click();
    await banner.getByText("Please check the highlighted fields.").waitFor({ state: "detached" });
    expect(await group.getByText("Choose at least one customer").count()).toBe(0);
    await held.release();
    await banner.getByText("1 invitation sent.").waitFor();
  });

  it("invite by tag says how many will be mailed before anything is sent", async () => {
    await page.getByLabel("Tag", { exact: true }).selectOption(AUDIENCE_TAG);
    await page.getByRole("button", { name: "Invite everyone who matches" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite everyone who matches?" });
    // Ana is invited already: two are left.
    await dialog.getByText("2 customers will get an invitation by email.").waitFor();
    await dialog.getByRole("button", { name: "Go back" }).click();
    await dialog.waitFor({ state: "hidden" });
    const invited = await app.db
      .select({ n: sql<number>`count(*)` })
      .from(invitations)
      .where(eq(invitations.sessionId, sessionId));
    expect(invited[0]?.n).toBe(1);
  });

  it("cancelling the session waits for the confirmation; Escape and the safe button change nothing", async () => {
    const trigger = page.getByRole("button", { name: "Cancel this session…" });
    const dialog = page.getByRole("dialog", { name: "Cancel this session?" });
    const actions: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r.url());
    });
    const status = async () =>
      (await app.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0]?.status;

    await trigger.click();
    await dialog.waitFor();
    // Focus starts on the safe choice.
    expect(await focused(page)).toBe("Keep the session");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "forms-confirm-dialog");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await focused(page)).toBe("Cancel this session…");

    await trigger.click();
    await dialog.getByRole("button", { name: "Keep the session" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(actions).toEqual([]);
    expect(await status()).toBe("scheduled");

    // With the keyboard alone: open, move to the confirm button, confirm.
    await trigger.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Cancel the session and notify everyone");
    await page.keyboard.press("Enter");
    await page.getByText(/This session was cancelled/).waitFor();
    expect(actions).toHaveLength(1);
    expect(await status()).toBe("cancelled");
  });
});

describe("pages that stand in for others", () => {
  it("a missing page speaks the customer's language and leads back to their invitation", async () => {
    const page = await newPage();
    await page.context().addCookies([
      { name: "im_lang", value: "vi", url: app.url },
      { name: "im_inv", value: "not-a-real-token", url: app.url },
    ]);
    const res = await page.goto(`${app.url}/khong-co-trang-nay`);
    expect(res?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Không tìm thấy trang này" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("vi-VN");
    const back = page.getByRole("link", { name: "Quay lại thư mời của bạn" });
    expect(await back.getAttribute("href")).toBe("/invite");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "forms-404-vi");
  });

  it("without a customer cookie the way back is the start page; staff get their own 404", async () => {
    const page = await newPage();
    await page.context().addCookies([{ name: "im_lang", value: "zh", url: app.url }]);
    expect((await page.goto(`${app.url}/no-such-page`))?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "找不到此页面" }).waitFor();
    expect(await page.getByRole("link", { name: "前往首页" }).getAttribute("href")).toBe("/");

    const staff = await newPage({ width: 1280, height: 900 });
    await signInAs(staff, "Farah Facilitator");
    const res = await staff.goto(`${app.url}/sessions/${crypto.randomUUID()}`);
    expect(res?.status()).toBe(404);
    await staff.getByRole("heading", { level: 1, name: "We cannot find this page" }).waitFor();
    await staff.getByRole("navigation", { name: "Main" }).waitFor();
    await staff.getByRole("link", { name: "Go to the start page" }).waitFor();
    expect(await axeViolations(staff)).toEqual([]);
  });
});

describe("paged lists", () => {
  it("pages and sorts the customer directory through the URL", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    await page.goto(`${app.url}/customers?tag=${PAGING_TAG}`);
    await page.getByText(`${PAGED} customers match.`).waitFor();
    const rows = page.locator("table tbody tr");
    expect(await rows.count()).toBe(50);
    const nav = page.getByRole("navigation", { name: "Pages of customers" });
    expect(await nav.getByRole("link", { name: "Page 1" }).getAttribute("aria-current")).toBe("page");
    const name = page.getByRole("columnheader", { name: "Name" });
    expect(await name.getAttribute("aria-sort")).toBe("ascending");
    expect(await rows.first().textContent()).toContain("Paging 01");
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, "forms-customers-paged");

    await nav.getByRole("link", { name: "Next" }).click();
    await page.waitForURL(/[?&]page=2(&|$)/);
    await page.getByText("Rows 51–55 of 55").waitFor();
    expect(await rows.count()).toBe(PAGED - 50);
    expect(await nav.getByRole("link", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
    expect(new URL(page.url()).searchParams.get("tag")).toBe(PAGING_TAG);

    // Sorting starts again at page 1 and keeps the filter.
    await name.getByRole("link").click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "-name" && !u.searchParams.has("page"));
    await expect.poll(() => name.getAttribute("aria-sort")).toBe("descending");
    expect(await rows.first().textContent()).toContain("Paging 55");
    expect(await rows.count()).toBe(50);

    // A hand-edited URL falls back instead of failing.
    const odd = await page.goto(`${app.url}/customers?tag=${PAGING_TAG}&page=999&sort=password`);
    expect(odd?.status()).toBe(200);
    await page.getByText("Rows 51–55 of 55").waitFor();
    expect(await name.getAttribute("aria-sort")).toBe("ascending");
  });

  it("the sessions list is a sortable table, newest first", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    // The All view: every session, newest first (Upcoming, the default, reads soonest first).
    await page.goto(`${app.url}/sessions?view=all`);
    const starts = page.getByRole("columnheader", { name: "Starts" });
    expect(await starts.getAttribute("aria-sort")).toBe("descending");
    const all = await app.db.select({ n: sql<number>`count(*)` }).from(sessions);
    expect(await page.locator("table tbody tr").count()).toBe(Math.min(50, all[0]!.n));
    await page.getByRole("columnheader", { name: "Session" }).getByRole("link").click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "title");
    await expect
      .poll(() => page.getByRole("columnheader", { name: "Session" }).getAttribute("aria-sort"))
      .toBe("ascending");
    // SQLite's NOCASE folds A-Z only, then compares code points.
    const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const titles = await page.locator("table tbody tr th a").allTextContents();
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toEqual([...titles].sort((a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0)));
    expect(await axeViolations(page)).toEqual([]);
  });
});
