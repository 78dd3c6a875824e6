// Issue 9's "done when", in real Chromium against the production build: notes taken in a live
// room are triaged after the session into an insight with a survey comment; a quote from a
// customer who did not allow quoting is shown marked; the grid places it; an action for Billing
// is assigned (the owner is emailed), commented, reminded before its deadline (the test moves the
// clock), done with evidence, verified; the customers who agreed to be contacted get "you told us,
// we changed" in their languages and the one who did not gets nothing.
import { mkdirSync } from "node:fs";
import { and, eq, inArray } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { actions, customers, outbox } from "@/db/schema";
import { REMINDER_LEAD_MS } from "@/lib/domain/action-statuses";
import vi from "@/messages/vi.json";
import zh from "@/messages/zh.json";
import { sweepDeadlines } from "@/server/action-items/deadlines/sweep-deadlines";
import "@/server/jobs/handlers";
import { runDueJobs } from "@/server/jobs/run-due-jobs";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const SHOTS = "/tmp/shots-loop";
mkdirSync(SHOTS, { recursive: true });

const PEOPLE = {
  mai: { name: "Mai Tran", email: "mai.tran.loop@example.com", language: "en" as const },
  li: { name: "Li Wei", email: "li.wei.loop@example.com", language: "zh" as const },
  bao: { name: "Bao Nguyen", email: "bao.nguyen.loop@example.com", language: "vi" as const },
};
const COMMENT = "I was transferred three times about my bill and had to explain it all again.";
const LI_NOTE = "我被转了四次，每次都要重新解释。";
const BAO_NOTE = "Tôi phải kể lại câu chuyện của mình cho từng người.";
const TITLE = "Customers retell their billing story to every new person";
const ACTION = "One owner keeps every billing question until it is solved";

const { app, newPage, signInAs, scheduleSession, mailTo, linkIn } = journey();

beforeAll(async () => {
  await app.db
    .insert(customers)
    .values(Object.values(PEOPLE).map((p) => ({ ...p, timeZone: "Europe/London", tags: ["loop-e2e"] })));
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe("closing the loop", () => {
  let sessionUrl = "";
  let facilitator: Page;
  let owner: Page;
  let mai: Page;
  let actionUrl = "";

  it("three customers are invited and answer: two agree to be quoted and contacted, one does not", async () => {
    facilitator = await newPage({ width: 1280, height: 900 });
    await signInAs(facilitator, "Farah Facilitator");
    sessionUrl = await scheduleSession(facilitator, "Billing story circle (loop)");
    for (const p of Object.values(PEOPLE)) await facilitator.getByLabel(new RegExp(p.name)).check();
    await facilitator.getByRole("button", { name: "Send invitations" }).click();
    await expect.poll(() => facilitator.getByText("3 invitations sent").count(), { timeout: 30_000 }).toBe(1);

    const answer = async (who: keyof typeof PEOPLE, t: typeof zh.invite, quoteAndContact: boolean) => {
      const page = await newPage();
      const mail = await mailTo(PEOPLE[who].email, /./);
      await page.goto(linkIn(mail.text ?? "", "/i/"));
      await page.getByLabel(t.consentParticipate).check();
      if (quoteAndContact) {
        await page.getByLabel(t.consentQuote).check();
        await page.getByLabel(t.consentContact).check();
      }
      await page.getByRole("button", { name: t.accept }).click();
      await page.locator('a[href="/invite/room"]').first().waitFor();
      return page;
    };
    const en = {
      consentParticipate: "I agree to take part in this session.",
      consentQuote: "I agree that you can quote what I say, without my name.",
      consentContact: "I agree that you can contact me afterwards to tell me what changed.",
      accept: "Yes, I will join",
    } as typeof zh.invite;
    mai = await answer("mai", en, true);
    await answer("li", zh.invite, true);
    await answer("bao", vi.invite as typeof zh.invite, false);
  });

  it("in the live room the facilitator takes notes, linked to the customers who said them", async () => {
    await mai.getByRole("link", { name: "Go to the session room" }).click();
    await mai.getByLabel("Join with audio only (no camera)").check();
    await mai.getByRole("button", { name: "Join the session" }).click();
    await mai.locator('[data-phase="connected"]').waitFor({ timeout: 30_000 });
    await facilitator.goto(`${sessionUrl}/room`);
    await facilitator.getByLabel("Join with audio only (no camera)").check();
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await facilitator.locator('[data-phase="connected"]').waitFor({ timeout: 30_000 });
    for (const [text, who] of [
      [LI_NOTE, PEOPLE.li.name],
      [BAO_NOTE, PEOPLE.bao.name],
    ] as const) {
      await facilitator.getByLabel(/Quote or summary/).fill(text);
      // The room's form wraps each select in its label, whose text then holds every option too.
      await facilitator.locator('select[name="customerId"]').selectOption({ label: who });
      await facilitator.locator('input[name="reasonCodeIds"]').nth(1).check();
      await facilitator.getByRole("button", { name: "Save note" }).click();
      await facilitator.getByText(text).first().waitFor();
    }
  });

  it("after the session Mai answers the survey with a comment", async () => {
    await facilitator.goto(sessionUrl);
    await facilitator.getByRole("button", { name: "End session and send surveys" }).click();
    await facilitator.getByRole("dialog").getByRole("button", { name: "Yes, end the session" }).click();
    await mai.locator('[data-phase="ended"]').waitFor({ state: "attached", timeout: 30_000 });
    const mail = await mailTo(PEOPLE.mai.email, /How was your session/);
    await mai.goto(linkIn(mail.text ?? "", "/s/"));
    await mai.locator('label[for="q-csat-4"]').click();
    await mai.locator('label[for="q-heard-6"]').click();
    await mai.locator('label[for="q-nps-9"]').click();
    await mai.getByLabel(/Anything else you would like us to know/).fill(COMMENT);
    await mai.getByRole("button", { name: "Send my answers" }).click();
    await mai.getByText("Your answers are saved").waitFor();
  });

  it("triage: the notes become an insight with the survey comment; the unquotable one is marked", async () => {
    await facilitator.goto(sessionUrl);
    await facilitator.getByRole("link", { name: "Triage notes" }).click();
    await facilitator.getByRole("heading", { name: "Triage notes" }).waitFor();
    await facilitator.getByText("Not triaged yet").first().waitFor();
    await shot(facilitator, "triage");
    expect(await axeViolations(facilitator)).toEqual([]);
    for (const text of [LI_NOTE, BAO_NOTE]) await facilitator.getByRole("checkbox", { name: text }).check();
    await facilitator.getByRole("button", { name: "New insight from selected" }).click();
    await facilitator.waitForURL(/\/insights\/new\?/);
    await facilitator.getByLabel(/transferred three times about my bill/).check();
    await facilitator.getByLabel("Insight", { exact: true }).fill(TITLE);
    await facilitator.locator('input[name="reasonCodeIds"]').nth(1).check();
    await facilitator.getByLabel("For customers it is a…").selectOption("irritant");
    await facilitator.getByLabel("For the company it is a…").selectOption("irritant");
    await facilitator.getByLabel("Contacts per month").fill("1200");
    await facilitator.getByLabel("Minutes per contact").fill("7");
    await facilitator.getByLabel(/Hourly cost/).fill("28");
    await facilitator.getByRole("button", { name: "Create insight" }).click();
    await facilitator.waitForURL(/\/insights\/[0-9a-f-]{36}$/);
    await facilitator.getByText("Heard 3 times from 3 distinct customers").waitFor();
    const bao = facilitator.locator("li[data-evidence]", { hasText: BAO_NOTE });
    await expect
      .poll(() => bao.locator("[data-quote-warning]").textContent())
      .toContain("did not allow quoting");
    const quotes = facilitator.locator("section", {
      has: facilitator.getByRole("heading", { name: /Quotes you may use/ }),
    });
    expect(await quotes.getByText(BAO_NOTE).count()).toBe(0);
    await quotes.getByText(LI_NOTE).waitFor();
    await facilitator.getByText("£3,920").first().waitFor(); // 1200 × 7 min × £28 an hour, nobody at risk
  });

  it("the grid shows it in its quadrant, by mouse, keyboard and table", async () => {
    await facilitator.goto(`${app.url}/insights`);
    const eliminate = facilitator.locator('[data-quadrant="eliminate"]');
    await eliminate.getByRole("link", { name: new RegExp(TITLE) }).waitFor();
    await shot(facilitator, "grid");
    expect(await axeViolations(facilitator)).toEqual([]);
    await facilitator.getByText("The grid as a table").click();
    await facilitator
      .locator("figure")
      .getByRole("row", { name: new RegExp(`${TITLE}.*Eliminate`) })
      .waitFor();
  });

  it("an action for Billing: the owner is emailed, comments, is reminded, marks it done with evidence", async () => {
    await facilitator
      .getByRole("link", { name: new RegExp(TITLE) })
      .first()
      .click();
    await facilitator.getByLabel("What will change").fill(ACTION);
    const olu = await facilitator
      .locator("#assignee option", { hasText: "Billing — Olu Owner" })
      .first()
      .getAttribute("value");
    await facilitator.getByLabel("Department and owner").selectOption(olu!);
    await facilitator
      .getByLabel("Deadline")
      .fill(new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10));
    await facilitator.getByRole("button", { name: "Assign action" }).click();
    await facilitator.getByText("Action assigned.").waitFor();
    const [row] = await app.db.select().from(actions).where(eq(actions.title, ACTION));
    actionUrl = `${app.url}/actions/${row!.id}`;
    const assigned = await mailTo("owner@northwind.example", /New action for you/);
    expect(assigned.text).toContain(actionUrl);

    owner = await newPage({ width: 1280, height: 900 });
    await signInAs(owner, "Olu Owner");
    await owner.goto(actionUrl);
    await owner.getByLabel("Add a comment").fill("Mapping every handoff in the billing queue first.");
    await owner.getByRole("button", { name: "Comment" }).click();
    await owner.getByText("Mapping every handoff in the billing queue first.").waitFor();
    await owner.getByRole("button", { name: "Start work" }).click();
    await owner.getByLabel("What was changed (resolution note)").waitFor();

    // The clock moves to two days before the deadline: the scheduler's sweep queues the reminder
    // and a worker sends it.
    const at = new Date(row!.deadline.getTime() - REMINDER_LEAD_MS + 60_000);
    await sweepDeadlines(app.db, at);
    await runDueJobs({ db: app.db, workerId: "e2e-clock", now: at });
    // (The seed's own overdue actions are swept too; this one's reminder is the one awaited.)
    const reminder = await mailTo("owner@northwind.example", new RegExp(`^Due .*${ACTION}`));
    // Rendered by this process's worker, so the link carries this process's APP_URL.
    expect(reminder.text).toContain(new URL(actionUrl).pathname);
    await owner.reload();
    await owner.getByText("reminded the owner").waitFor();

    await owner
      .getByLabel("What was changed (resolution note)")
      .fill("Every billing question now stays with one named owner until it is solved.");
    await owner
      .getByLabel("Link to the evidence (optional)")
      .fill("https://intranet.northwind.example/billing/ownership");
    await owner.getByLabel("File name (optional)").fill("billing-ownership-rota.pdf");
    await owner.getByRole("button", { name: "Mark as done" }).click();
    await owner.getByText("billing-ownership-rota.pdf").first().waitFor();
    await mailTo("facilitator@northwind.example", /Done, ready to verify/);
  });

  it("the facilitator verifies; the consenting customers are told in their languages, the other is not", async () => {
    await facilitator.goto(actionUrl);
    await facilitator.getByRole("button", { name: "Verify: the change is real" }).click();
    const card = facilitator.locator("section", {
      has: facilitator.getByRole("heading", { name: "You told us, we changed" }),
    });
    await card.waitFor();
    await card.getByRole("row", { name: /Bao Nguyen.*did not agree to be contacted/ }).waitFor();
    await card.getByRole("row", { name: /Li Wei.*draft/ }).waitFor();
    await card.getByRole("row", { name: /Mai Tran.*draft/ }).waitFor();
    await card
      .getByLabel("What changed, in Chinese (Simplified)")
      .fill("现在每个账单问题都有一位专人负责，直到解决为止。");
    await shot(facilitator, "action-timeline");
    await card.getByRole("button", { name: "Send to 2 customers" }).click();
    // The form goes once nothing waits; the rows say what was sent.
    await card.getByRole("row", { name: /Li Wei.*sent/ }).waitFor();
    await card.getByRole("row", { name: /Mai Tran.*sent/ }).waitFor();

    const toMai = await mailTo(PEOPLE.mai.email, /You told us, we changed it/);
    expect(toMai.text).toContain("Every billing question now stays with one named owner");
    expect(toMai.text).toMatch(/\/i\/[A-Za-z0-9_-]+#help/);
    const toLi = await mailTo(PEOPLE.li.email, /您提出的意见/);
    expect(toLi.text).toContain("现在每个账单问题都有一位专人负责");
    const baoId = (await app.db.select().from(customers).where(eq(customers.email, PEOPLE.bao.email)))[0]!.id;
    expect(
      await app.db.$count(
        outbox,
        and(eq(outbox.kind, "change_message"), inArray(outbox.customerId, [baoId])),
      ),
    ).toBe(0);
    expect(
      app.smtp.received.filter((m) => m.to.includes(PEOPLE.bao.email)).map((m) => m.subject),
    ).not.toContainEqual(expect.stringContaining(vi.email.changeSubject));
    const message = await newPage({ width: 600, height: 800 });
    await message.setContent(toLi.html || "");
    await shot(message, "customer-message-zh");
    await facilitator.reload();
    await facilitator.getByText("told the customers what changed").waitFor();
    await shot(facilitator, "action-timeline-after");
  });
});
