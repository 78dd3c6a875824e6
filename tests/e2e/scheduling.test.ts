// The facilitator's scheduling journey and the customer's invitation journey in all three
// languages, in real Chromium against the production build: every customer page passes axe in
// normal and large-text mode, fits a 320 px screen, and works with the keyboard alone.
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, sessions } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs, mailTo, linkIn } = journey();

const GUESTS = [
  { name: "Lê Thị Hồng", email: "hong.e2e@example.com", language: "vi", timeZone: "Asia/Ho_Chi_Minh" },
  { name: "欧阳明月", email: "ouyang.e2e@example.com", language: "zh", timeZone: "Asia/Shanghai" },
  { name: "Ruth Adeyemi", email: "ruth.e2e@example.com", language: "en", timeZone: "America/New_York" },
] as const;

/** What each language must say on the page, so we know the page really speaks it. */
const SAYS = {
  vi: {
    lang: "vi-VN",
    choices: "Lựa chọn của bạn",
    accept: "Có, tôi sẽ tham gia",
    booked: "Bạn đã được ghi danh",
  },
  zh: { lang: "zh-CN", choices: "您的选择", accept: "是的，我会参加", booked: "您已报名成功" },
  en: { lang: "en-GB", choices: "Your choices", accept: "Yes, I will join", booked: "You are booked in" },
} as const;
const SURVEY_SUBJECT_ZH = /这次倾听会您觉得怎么样/;
const LARGE = { vi: "Chữ lớn", zh: "大字体", en: "Large text" } as const;

let sessionUrl = "";

beforeAll(async () => {
  await app.db.insert(customers).values(GUESTS.map((g) => ({ ...g, tags: ["e2e-scheduling"] })));
});

/** Presses Tab until `target` has focus (at most 60 times): proves it is reachable by keyboard. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("not reachable with the Tab key");
}

/** Whatever sticks out past the right edge of the screen (should be nothing). */
const overflowingIn = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`),
  );

describe("a facilitator schedules a speed-dating session", () => {
  it("drafts it with tables, rounds, agenda, host and incentive, then schedules it", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    await page.goto(`${app.url}/sessions/new`);
    await page
      .getByLabel("Starts at")
      .fill(instantToZonedWallTime(new Date(Date.now() + 5 * 86400_000), "Asia/Ho_Chi_Minh"));
    await page.getByLabel("Time zone").selectOption("Asia/Ho_Chi_Minh");
    await page.getByLabel("Title", { exact: true }).fill("Moving home — speed dating");
    await page
      .getByLabel("Agenda", { exact: true })
      .fill("Welcome (5 min)\nThree rounds (36 min)\nWhat we heard (4 min)");
    await page.getByLabel("Format").selectOption("speed_dating");
    await page.getByLabel("Tables").fill("3");
    await page.getByLabel("Round length (minutes)").fill("20");
    await page.getByLabel("Independent host organisation (optional)").fill("Listening Partners");
    await page.getByLabel("Amount").fill("25");
    await page.getByLabel("Currency").fill("GBP");
    await page.getByLabel("Paid by").selectOption("host");
    await page.getByRole("button", { name: "Save as draft" }).click();
    // 3 × 20 minutes does not fit in 45: the error sits beside the field, nothing is saved.
    await page.getByText("All rounds must fit in the session").waitFor();
    await page.getByLabel("Round length (minutes)").fill("12");
    await page.getByRole("button", { name: "Save as draft" }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    sessionUrl = page.url();
    await page.getByText("This session is a draft").waitFor();
    expect(await page.getByRole("button", { name: "Send invitations" }).count()).toBe(0);
    await page.getByRole("button", { name: "Schedule this session" }).click();
    await page.getByRole("button", { name: "Send invitations" }).waitFor();
    const id = sessionUrl.split("/").pop() ?? "";
    const row = await app.db.query.sessions.findFirst({ where: eq(sessions.id, id) });
    expect([row?.status, row?.tableCount, row?.roundMinutes, row?.incentiveAmountMinor]).toEqual([
      "scheduled",
      3,
      12,
      2500,
    ]);
  });

  it("adds a colleague as a speaker and invites three guests, each mailed in their language", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    await page.goto(sessionUrl);
    await page
      .getByLabel("Add a colleague")
      .selectOption({ label: "Nguyễn Thị Lan (agent, trained for vulnerable customers)" });
    await page.getByLabel("Room role").selectOption("speaker");
    await page.getByRole("button", { name: "Add to session" }).click();
    await page.getByText("Staff updated.").waitFor();
    for (const g of GUESTS) await page.getByLabel(new RegExp(g.name)).check();
    await page.getByRole("button", { name: "Send invitations" }).click();
    await page.getByText("3 invitations sent").waitFor();
    expect((await mailTo(GUESTS[0].email, /Thư mời/)).subject).toContain("Moving home");
    expect((await mailTo(GUESTS[1].email, /诚邀您参加/)).subject).toContain("Moving home");
    expect((await mailTo(GUESTS[2].email, /You are invited/)).subject).toContain("Moving home");
  });
});

describe("each guest reads, consents and books in their own language", () => {
  for (const g of GUESTS) {
    it(`${g.language}: axe-clean in normal and large text, fits 320 px, works by keyboard`, async () => {
      const says = SAYS[g.language];
      const page = await newPage({ width: 320, height: 720 });
      const mail = await mailTo(g.email, /.+/);
      await page.goto(linkIn(mail.text ?? "", "/i/"));
      await page.getByRole("heading", { name: says.choices }).waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe(says.lang);
      expect(await axeViolations(page)).toEqual([]);
      const overflowing = () => overflowingIn(page);
      expect(await overflowing()).toEqual([]);

      await page.getByRole("button", { name: LARGE[g.language] }).click();
      await page.waitForFunction(() => document.documentElement.dataset.text === "large");
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowing()).toEqual([]);

      // Keyboard only: tick "take part" and a need with Space, send with Enter.
      const participate = page.getByRole("checkbox").first();
      await tabTo(page, participate);
      await page.keyboard.press("Space");
      const captions = page.locator('input[name="accommodations"][value="captions"]');
      await tabTo(page, captions);
      await page.keyboard.press("Space");
      await tabTo(page, page.getByRole("button", { name: says.accept }));
      await page.keyboard.press("Enter");
      await page.getByText(says.booked).first().waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const inv = await app.db.query.invitations.findFirst({
        where: eq(
          invitations.customerId,
          (await app.db.query.customers.findFirst({ where: eq(customers.email, g.email) }))?.id ?? "",
        ),
      });
      expect(inv?.status).toBe("accepted");
      expect(inv?.accommodations).toEqual(["captions"]);
    });
  }

  it("shows the incentive, host and agenda in the guest's language, and switches language on request", async () => {
    const page = await newPage();
    const mail = await mailTo(GUESTS[2].email, /You are invited/);
    await page.goto(linkIn(mail.text ?? "", "/i/"));
    await page.getByText("paid by Listening Partners").waitFor();
    await page.getByText("Three rounds (36 min)").waitFor();
    await page.getByLabel("Language", { exact: true }).selectOption("vi");
    await page.getByRole("button", { name: "Change" }).click();
    await page
      .getByRole("heading", { name: "Lựa chọn của bạn" })
      .or(page.getByText("Bạn đã được ghi danh"))
      .first()
      .waitFor();
    await page.getByText("Listening Partners chi trả").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the facilitator's briefing lists each guest's needs; an agent cannot open it", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    await page.goto(`${sessionUrl}/briefing`);
    await page.getByRole("heading", { name: /Briefing/ }).waitFor();
    for (const g of GUESTS) await page.getByRole("heading", { name: g.name }).waitFor();
    expect(await page.getByText("Captions").count()).toBe(3);
    const agent = await newPage({ width: 1280, height: 900 });
    await signInAs(agent, "Amira Agent");
    const res = await agent.goto(`${sessionUrl}/briefing`);
    expect(res?.status()).toBe(404);
  });

  it("room, survey, withdrawn and invalid-link pages pass axe in large text at 320 px too", async () => {
    const page = await newPage({ width: 320, height: 720 });
    const mail = await mailTo(GUESTS[1].email, /诚邀您参加/);
    await page.goto(linkIn(mail.text ?? "", "/i/"));
    await page.getByRole("button", { name: LARGE.zh }).click();
    await page.waitForFunction(() => document.documentElement.dataset.text === "large");
    const check = async () => {
      expect(await axeViolations(page)).toEqual([]);
      expect(await overflowingIn(page)).toEqual([]);
    };
    await page.goto(`${app.url}/invite/room`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await check();
    await page.goto(`${app.url}/link-invalid`);
    await check();

    // The session ends; the survey mail leads to a survey page that offers the way out too.
    const staffPage = await newPage({ width: 1280, height: 900 });
    await signInAs(staffPage, "Farah Facilitator");
    await staffPage.goto(sessionUrl);
    await staffPage.getByRole("button", { name: "End session and send surveys" }).click();
    await staffPage.getByRole("dialog").getByRole("button", { name: "Yes, end the session" }).click();
    await staffPage.getByText("The survey goes to the guests who attended").first().waitFor();
    // She never joined the room in this test: the facilitator corrects her attendance, and only
    // then does she get the survey.
    await staffPage.getByRole("button", { name: `Mark attended: ${GUESTS[1].name}` }).click();
    await staffPage.getByRole("button", { name: `Mark no-show: ${GUESTS[1].name}` }).waitFor();
    const survey = await mailTo(GUESTS[1].email, SURVEY_SUBJECT_ZH);
    await page.goto(linkIn(survey.text ?? "", "/s/"));
    await page.locator("#q-csat-4").waitFor({ state: "attached" });
    await check();
    await page.getByText("退出并删除我的信息").first().click();
    await page.getByRole("button", { name: "是的，退出并删除我的信息" }).click();
    await page.waitForURL(/\/withdrawn$/);
    await page.getByRole("heading", { name: "您已退出，您的个人信息已被删除。" }).waitFor();
    await check();
    const gone = await app.db.query.customers.findFirst({ where: eq(customers.email, GUESTS[1].email) });
    expect(gone).toBeUndefined(); // the address itself was erased
  });
});
