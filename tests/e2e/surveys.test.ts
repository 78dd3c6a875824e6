// The survey journey of issue 10's "Done when", in real Chromium against the production build: a
// facilitator builds a template with a conditional question in three languages and previews it,
// picks it for a session and ends the session; only the attendees who may be emailed get it; a
// customer answers half on a phone, reloads, and finishes in Vietnamese; the one reminder goes
// once; the viewer shows the answer and the export is formula-safe. Screenshots go to
// /tmp/shots-surveys for people to look at.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, jobs, outbox, sessions, surveyResponses, surveys } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs, mailTo, linkIn } = journey();
const SHOTS = "/tmp/shots-surveys";

const PEOPLE = {
  lan: { name: "Phạm Thị Lan", email: "lan.survey@example.com", language: "vi" as const },
  ben: { name: "Ben Okafor", email: "ben.survey@example.com", language: "en" as const },
  noShow: { name: "Wei Zhang", email: "wei.survey@example.com", language: "zh" as const },
  quiet: {
    name: "Grace Hall",
    email: "grace.survey@example.com",
    language: "en" as const,
    contactPreference: "none" as const,
  },
};
const ids: Record<keyof typeof PEOPLE, string> = { lan: "", ben: "", noShow: "", quiet: "" };
const FORMULA = "=SUM(1) Nhân viên không nghe máy";

beforeAll(async () => {
  for (const [key, p] of Object.entries(PEOPLE)) {
    const [row] = await app.db
      .insert(customers)
      .values({ ...p, timeZone: "Asia/Ho_Chi_Minh" })
      .returning();
    ids[key as keyof typeof PEOPLE] = row!.id;
  }
});

const overflowingIn = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`),
  );

describe("surveys, from the builder to the export", () => {
  let staff: Page;
  let sessionUrl = "";
  let templateUrl = "";

  it("a facilitator builds a template with a conditional question in three languages and previews it", async () => {
    staff = await newPage({ width: 1280, height: 900 });
    await signInAs(staff, "Farah Facilitator");
    await staff.goto(`${app.url}/surveys/templates/new`);
    await staff.getByLabel("Template name").fill("Bill payment follow-up");
    await staff.getByLabel("Question · English").first().fill("How satisfied are you with paying your bill?");
    await staff.getByLabel("Question · 简体中文").first().fill("您对缴费过程满意吗？");
    await staff
      .getByLabel("Question · Tiếng Việt")
      .first()
      .fill("Bạn hài lòng với việc thanh toán hóa đơn không?");
    // Each wording is read back whole (three inputs side by side cut the question off).
    for (const label of ["Question · English", "Question · 简体中文", "Question · Tiếng Việt"])
      expect(
        await staff
          .getByLabel(label)
          .first()
          .evaluate((el) => el.scrollWidth <= el.clientWidth),
        label,
      ).toBe(true);
    await staff.getByLabel("Required").first().check();
    await staff.getByRole("button", { name: "Free text" }).click();
    const q2 = staff.locator("section", { has: staff.getByRole("heading", { name: /^Question 2/ }) });
    await q2.getByLabel("Question · English").fill("What went wrong?");
    await q2.getByLabel("Question · 简体中文").fill("哪里出了问题？");
    // Vietnamese left out for a moment: the builder marks it.
    await q2.getByText("Missing translation — customers see English").waitFor();
    await q2.getByLabel("Question · Tiếng Việt").fill("Điều gì chưa tốt?");
    expect(await q2.getByText("Missing translation").count()).toBe(0);
    await q2.getByLabel("Required").check();
    await q2.getByLabel(/show only when this earlier question/).selectOption({ index: 1 });
    await q2.getByLabel(/comparison/).selectOption("lte");
    await q2.getByLabel(/value/).fill("2");
    await staff.getByRole("button", { name: "NPS (0–10)" }).click();
    const q3 = staff.locator("section", { has: staff.getByRole("heading", { name: /^Question 3/ }) });
    await q3.getByLabel("Question · English").fill("How likely are you to recommend us?");
    await q3.getByLabel("Question · 简体中文").fill("您有多大可能推荐我们？");
    await q3.getByLabel("Question · Tiếng Việt").fill("Bạn có sẵn lòng giới thiệu chúng tôi không?");
    await q3.getByLabel("Required").check();

    // The preview, in Vietnamese and large text: the follow-up appears for a low score only.
    const preview = staff.getByTestId("preview");
    await staff.getByRole("button", { name: "Tiếng Việt" }).click();
    await preview.getByText("Bạn hài lòng với việc thanh toán hóa đơn không?").waitFor();
    expect(await preview.getByText("Điều gì chưa tốt?").count()).toBe(0);
    await preview.locator('label[for="preview-q1-1"]').click();
    await preview.getByText("Điều gì chưa tốt?").waitFor();
    // The page's own words are in the preview's language too, not the staff member's.
    await preview.getByText("1 · Rất không hài lòng").waitFor();
    await staff.getByLabel("Large text").check();
    await staff.screenshot({ path: `${SHOTS}/builder-preview-vi-large.png`, fullPage: true });
    await staff.getByRole("button", { name: "简体中文" }).click();
    await preview.getByText("哪里出了问题？").waitFor();
    await staff.getByRole("button", { name: "Save template" }).click();
    await staff.waitForURL(/\/surveys\/templates\/[0-9a-f-]{36}$/);
    templateUrl = staff.url();
    await staff.getByText("Version 1.").waitFor();
  });

  it("the template is picked for a session; on the end only attendees who may be emailed get it", async () => {
    await staff.goto(`${app.url}/sessions/new`);
    await staff.getByLabel("Title", { exact: true }).fill("Paying my bill — panel");
    await staff
      .getByLabel("Starts at")
      .fill(instantToZonedWallTime(new Date(Date.now() + 2 * 86400_000), "Asia/Ho_Chi_Minh"));
    await staff.getByLabel("Time zone").selectOption("Asia/Ho_Chi_Minh");
    await staff.getByLabel("Format").selectOption("panel");
    await staff.getByRole("button", { name: "Create and schedule" }).click();
    await staff.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    sessionUrl = staff.url();
    const sessionId = sessionUrl.split("/").pop() ?? "";
    // Four booked guests, as the RSVP and the room leave them: two attended, one never came, one
    // attended but asked not to be contacted.
    const status = { lan: "attended", ben: "attended", noShow: "accepted", quiet: "attended" } as const;
    await app.db.insert(invitations).values(
      (Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]).map((k) => ({
        sessionId,
        customerId: ids[k],
        status: status[k],
        tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        tokenExpiresAt: new Date(Date.now() + 7 * 86400_000),
      })),
    );
    await staff.reload();
    await staff.getByLabel("Template").selectOption(templateUrl.split("/").pop() ?? "");
    await staff.getByLabel("Send after the end (minutes)").fill("0");
    await staff.getByLabel("One reminder after (hours)").fill("48");
    await staff.getByRole("button", { name: "Save survey settings" }).click();
    await staff.getByText("Survey settings saved.").waitFor();
    await staff.getByText("chosen for this session").waitFor();
    await staff.getByRole("button", { name: "Start session" }).click();
    await staff.getByRole("button", { name: "End session and send surveys" }).click();
    await staff.getByRole("dialog").getByRole("button", { name: "Yes, end the session" }).click();
    await staff.getByText("The survey goes to the guests who attended").waitFor();

    const lanMail = await mailTo(PEOPLE.lan.email, /Buổi lắng nghe/);
    expect(lanMail.subject).toContain("Paying my bill");
    await mailTo(PEOPLE.ben.email, /How was/);
    const sent = await app.db
      .select({ customerId: outbox.customerId })
      .from(outbox)
      .where(and(eq(outbox.kind, "survey"), inArray(outbox.customerId, Object.values(ids))));
    expect(sent.map((s) => s.customerId).sort()).toEqual([ids.lan, ids.ben].sort());
    await staff.reload();
    await staff.getByText("Not emailed (contact preference or no address): Grace Hall").waitFor();
    await staff.screenshot({ path: `${SHOTS}/session-survey-card.png`, fullPage: true });
  });

  it("a customer answers half on a phone, reloads, and finishes in Vietnamese; axe-clean in three languages", async () => {
    const mail = await mailTo(PEOPLE.lan.email, /Buổi lắng nghe/);
    const phone = await newPage({ width: 320, height: 720 });
    await phone.goto(linkIn(mail.text ?? "", "/s/"));
    await phone.waitForURL(/\/survey$/);
    await phone.getByText("Bạn hài lòng với việc thanh toán hóa đơn không?").waitFor();
    expect(await phone.locator("html").getAttribute("lang")).toBe("vi-VN");
    await phone.locator('label[for="q-q1-1"]').click();
    await phone.getByText("Điều gì chưa tốt?").waitFor();
    await phone.getByLabel(/Điều gì chưa tốt/).fill(FORMULA);
    await phone.getByText("Các câu trả lời của bạn đã được lưu.").waitFor();
    await phone.getByText("Đã trả lời 2 / 3").waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    expect(await overflowingIn(phone)).toEqual([]);
    await phone.screenshot({ path: `${SHOTS}/survey-vi-320.png`, fullPage: true });

    // Sending now: the browser's own bubble would be in the browser's language; ours is Vietnamese.
    await phone.getByRole("button", { name: "Gửi câu trả lời" }).click();
    await phone.getByText("Vui lòng trả lời câu hỏi này.").waitFor();
    await phone.getByRole("alert").getByText("Vui lòng kiểm tra các câu trả lời được đánh dấu.").waitFor();

    // A reload keeps what was given, and says so.
    await phone.reload();
    await phone.getByText("Chào mừng bạn quay lại").waitFor();
    expect(await phone.locator("#q-q1-1").isChecked()).toBe(true);
    expect(await phone.getByLabel(/Điều gì chưa tốt/).inputValue()).toBe(FORMULA);

    // The other languages and large text, at 320 px, pass axe and fit.
    for (const [lang, label, large, normal] of [
      ["zh", "简体中文", "大字体", "标准字体"],
      ["en", "English", "Large text", "Normal text"],
    ] as const) {
      await phone.getByLabel(/Ngôn ngữ|语言|Language/).selectOption(lang);
      await phone.getByRole("button", { name: /Thay đổi|更改|Change/ }).click();
      await phone.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
      await phone.getByRole("button", { name: large }).click();
      await phone.waitForFunction(() => document.documentElement.dataset.text === "large");
      expect(await axeViolations(phone), label).toEqual([]);
      expect(await overflowingIn(phone), label).toEqual([]);
      await phone.screenshot({ path: `${SHOTS}/survey-${lang}-320-large.png`, fullPage: true });
      await phone.getByRole("button", { name: normal }).click();
      await phone.waitForFunction(() => document.documentElement.dataset.text !== "large");
    }
    await phone.getByLabel(/Language/).selectOption("vi");
    await phone.getByRole("button", { name: /Change/ }).click();
    await phone.waitForFunction(() => document.documentElement.lang.startsWith("vi"));
    await phone.locator('label[for="q-q3-3"]').click();
    await phone.getByText("Đã trả lời 3 / 3").waitFor();
    await phone.getByRole("button", { name: "Gửi câu trả lời" }).dblclick();
    await phone.getByRole("heading", { name: "Cảm ơn bạn" }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);
    await phone.screenshot({ path: `${SHOTS}/survey-vi-thanks.png`, fullPage: true });

    const desktop = await newPage({ width: 1280, height: 900 });
    await desktop.goto(linkIn(mail.text ?? "", "/s/"));
    await desktop.getByRole("heading", { name: "Cảm ơn bạn" }).waitFor();

    const stored = await app.db
      .select()
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(eq(surveyResponses.sessionId, sessionUrl.split("/").pop() ?? ""));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.survey_responses).toMatchObject({ csat: 1, nps: 3, language: "vi", comment: FORMULA });
  });

  it("the one reminder goes to the customer who has not answered, once", async () => {
    const sessionId = sessionUrl.split("/").pop() ?? "";
    const mine = await app.db
      .select({ id: surveys.id })
      .from(surveys)
      .where(eq(surveys.sessionId, sessionId));
    const keys = mine.map((s) => `surveys.remind:${s.id}`);
    const queued = await app.db.select().from(jobs).where(inArray(jobs.dedupeKey, keys));
    expect(queued).toHaveLength(2);
    for (const j of queued) expect(j.runAt.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    // Drive the clock: the reminders are due now.
    await app.db.update(jobs).set({ runAt: new Date() }).where(inArray(jobs.dedupeKey, keys));
    const reminder = await mailTo(PEOPLE.ben.email, /A reminder/);
    expect(reminder.text ?? "").toContain(`${app.url}/s/`);
    await expect
      .poll(
        async () =>
          (await app.db.select().from(jobs).where(inArray(jobs.dedupeKey, keys))).every(
            (j) => j.status === "done",
          ),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    const reminders = await app.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, "survey_reminder"), inArray(outbox.customerId, Object.values(ids))));
    expect(reminders.map((r) => r.customerId)).toEqual([ids.ben]);
    // The reminder's own link opens the same survey.
    const page = await newPage();
    await page.goto(linkIn(reminder.text ?? "", "/s/"));
    await page.getByRole("heading", { name: "How was your session?" }).waitFor();
  });

  it("the viewer shows the answer in the language given, and the export is formula-safe", async () => {
    const sessionId = sessionUrl.split("/").pop() ?? "";
    await staff.goto(`${app.url}/surveys/responses?session=${sessionId}`);
    await staff.getByText(FORMULA).waitFor();
    await staff.getByText("Điều gì chưa tốt?").waitFor();
    await staff.getByText("answered in Tiếng Việt").waitFor();
    await staff.getByText("Do not quote").waitFor();
    expect(await axeViolations(staff)).toEqual([]);
    await staff.screenshot({ path: `${SHOTS}/responses.png`, fullPage: true });
    const csv = await staff.request.get(`${app.url}/surveys/responses/export?session=${sessionId}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), {
      header: true,
    }).data;
    expect(rows[0]?.comment).toBe(`'${FORMULA}`);
    expect(rows[0]?.language).toBe("vi");
    await staff.goto(templateUrl);
    await staff.screenshot({ path: `${SHOTS}/template.png`, fullPage: true });
    const phone = await newPage({ width: 390, height: 844 });
    await signInAs(phone, "Farah Facilitator");
    await phone.goto(`${app.url}/surveys/responses`);
    await phone.screenshot({ path: `${SHOTS}/responses-phone.png`, fullPage: true });
    const row = await app.db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    expect(row?.status).toBe("ended");
  });
});
