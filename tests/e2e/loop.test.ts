// The whole loop, end to end, in real Chromium against the production build: a facilitator
// schedules and invites, the customer consents and books, both join the LiveKit room, the survey
// goes out and is answered, the comment becomes an insight with an action, the department owner
// resolves it, the facilitator verifies it and the executive dashboard counts it.
import { and, eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { actions, customers, surveyResponses, surveys } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const EMAIL = "mai.tran.e2e@example.com";
const COMMENT = "Tôi bị chuyển máy ba lần vì hoá đơn — I was transferred three times about my bill <b>!</b>";

const { app, newPage, signInAs, scheduleSession, mailTo, linkIn } = journey();

beforeAll(async () => {
  await app.db.insert(customers).values({
    name: "Mai Tran",
    email: EMAIL,
    language: "en",
    timeZone: "Asia/Ho_Chi_Minh",
    tags: ["e2e"],
  });
});

describe("the thin loop", () => {
  let sessionUrl = "";
  let customer: Page;
  let facilitator: Page;
  let actionUrl = "";

  it("a facilitator schedules a session and invites a customer, who gets the email over SMTP", async () => {
    facilitator = await newPage();
    await signInAs(facilitator, "Farah Facilitator");
    sessionUrl = await scheduleSession(facilitator, "Paying my bill — story circle");
    await facilitator.getByLabel(/Mai Tran/).check();
    await facilitator.getByRole("button", { name: "Send invitations" }).click();
    await expect.poll(() => facilitator.getByText("1 invitation sent").count(), { timeout: 30_000 }).toBe(1);
    const mail = await mailTo(EMAIL, /invited/);
    expect(mail.html).toContain("/i/");
    expect(mail.text ?? "").toContain(`${app.url}/i/`);
  });

  it("the customer reads, consents, states a need and books — every page passes axe", async () => {
    const mail = await mailTo(EMAIL, /invited/);
    customer = await newPage();
    const link = linkIn(mail.text ?? "", "/i/");
    const response = await customer.goto(link);
    expect(customer.url()).toBe(`${app.url}/invite`); // the token left the address bar
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    await customer.getByRole("heading", { level: 1 }).waitFor();
    expect(await axeViolations(customer)).toEqual([]);
    await customer.getByLabel("I agree to take part in this session.").check();
    await customer.getByLabel("I agree that you can quote what I say, without my name.").check();
    await customer.getByLabel("Captions (written words on screen)").check();
    await customer.getByLabel("Anything else we can do").fill("Please speak slowly");
    await customer.getByRole("button", { name: "Yes, I will join" }).click();
    await customer.getByText("You are booked in").first().waitFor();
    expect(await axeViolations(customer)).toEqual([]);
    // The facilitator's board shows the booking and the need.
    await facilitator.goto(sessionUrl);
    await facilitator.getByText("Please speak slowly").waitFor();
  });

  it("customer and facilitator join the LiveKit room with tokens minted by the server", async () => {
    await customer.getByRole("link", { name: "Go to the session room" }).click();
    await customer.waitForURL(/\/invite\/room$/);
    expect(await axeViolations(customer)).toEqual([]);
    await customer.getByLabel("Join with audio only (no camera)").check();
    await customer.getByRole("button", { name: "Join the session" }).click();
    await customer.locator('[data-phase="connected"]').waitFor({ timeout: 30_000 });
    await facilitator.goto(`${sessionUrl}/room`);
    await facilitator.getByLabel("Join with audio only (no camera)").check();
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await facilitator.locator('[data-phase="connected"]').waitFor({ timeout: 30_000 });
    await facilitator.locator("li", { hasText: "Mai" }).first().waitFor({ timeout: 15_000 });
    // A token is never minted for someone outside the session.
    const stranger = await newPage();
    const res = await stranger.request.post(`${app.url}/api/livekit/token`, {
      data: { sessionId: sessionUrl.split("/").pop() },
    });
    expect(res.status()).toBe(404);
  });

  it("ending the session sends the survey; answering twice keeps one response", async () => {
    await facilitator.goto(sessionUrl);
    await facilitator.getByRole("button", { name: "End session and send surveys" }).click();
    await facilitator.getByRole("dialog").getByRole("button", { name: "Yes, end the session" }).click();
    await facilitator.getByText("The survey goes to the guests who attended").waitFor();
    await customer.locator('[data-phase="ended"]').waitFor({ state: "attached", timeout: 30_000 });
    const mail = await mailTo(EMAIL, /How was your session/);
    const link = linkIn(mail.text ?? "", "/s/");
    await customer.goto(link);
    expect(customer.url()).toBe(`${app.url}/survey`);
    expect(await axeViolations(customer)).toEqual([]);
    const second = await customer.context().newPage();
    await second.goto(`${app.url}/survey`);
    for (const p of [customer, second]) {
      // The seeded default template for the format: CSAT, ease of being heard (CES), NPS, a comment.
      await p.locator('label[for="q-csat-4"]').click();
      await p.locator('label[for="q-heard-6"]').click();
      await p.locator('label[for="q-nps-9"]').click();
      await p.getByLabel(/Anything else you would like us to know/).fill(COMMENT);
    }
    await customer.getByRole("button", { name: "Send my answers" }).click();
    await customer.getByText("Your answers are saved").waitFor();
    await second.getByRole("button", { name: "Send my answers" }).click();
    await second.getByText("Your answers are saved").waitFor();
    expect(await axeViolations(customer)).toEqual([]);
    const [row] = await app.db
      .select({ n: sql<number>`count(*)`, comment: sql<string>`max(${surveyResponses.comment})` })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(eq(surveyResponses.comment, COMMENT));
    expect(row).toEqual({ n: 1, comment: COMMENT }); // stored exactly, once
    // The JSON route refuses a post a browser marks as coming from another site.
    const forged = await customer.request.post(`${app.url}/api/survey-response`, {
      headers: { Origin: "https://evil.example" },
      data: { csat: 1, nps: 0, comment: "forged" },
    });
    expect(forged.status()).toBe(403);
  });

  it("the facilitator turns the comment into an insight and assigns an action to Billing", async () => {
    await facilitator.goto(`${app.url}/insights/new`);
    await facilitator.getByLabel(/I was transferred three times about my bill/).check();
    // Markup in a customer's words is shown as text, never run.
    expect(await facilitator.locator("label b").count()).toBe(0);
    await facilitator.getByLabel("Insight").fill("Billing questions bounce between teams");
    await facilitator.locator('input[name="reasonCodeIds"]').first().check();
    await facilitator.getByLabel("Contacts per month").fill("1200");
    await facilitator.getByLabel("Minutes per contact").fill("7");
    await facilitator.getByLabel(/Hourly cost/).fill("28");
    await facilitator.getByRole("button", { name: "Create insight" }).click();
    await facilitator.waitForURL(/\/insights\/[0-9a-f-]{36}$/);
    await facilitator
      .getByLabel("What will change")
      .fill("One owner answers every billing question end to end");
    const owner = await facilitator
      .locator("#assignee option", { hasText: "Olu Owner" })
      .first()
      .getAttribute("value");
    await facilitator.getByLabel("Department and owner").selectOption(owner!);
    await facilitator
      .getByLabel("Deadline")
      .fill(new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10));
    await facilitator.getByRole("button", { name: "Assign action" }).click();
    await facilitator.getByText("Action assigned.").waitFor();
    const [a] = await app.db
      .select({ id: actions.id })
      .from(actions)
      .where(eq(actions.title, "One owner answers every billing question end to end"));
    actionUrl = `${app.url}/actions/${a!.id}`;
  });

  it("the department owner sees it in My actions and resolves it; the facilitator verifies", async () => {
    const owner = await newPage();
    await signInAs(owner, "Olu Owner");
    await owner.goto(`${app.url}/actions`);
    await owner
      .getByRole("link", { name: "One owner answers every billing question end to end" })
      .first()
      .click();
    await owner.getByRole("button", { name: "Start work" }).click();
    await owner.getByRole("button", { name: "Mark as done" }).waitFor();
    await owner
      .getByLabel("What was changed (resolution note)")
      .fill("Billing now keeps each case until it is solved.");
    await owner.getByRole("button", { name: "Mark as done" }).click();
    await owner.getByText("Billing now keeps each case until it is solved.").first().waitFor();
    await facilitator.goto(actionUrl);
    await facilitator.getByRole("button", { name: "Verify: the change is real" }).click();
    await expect
      .poll(
        async () =>
          (
            await app.db
              .select()
              .from(actions)
              .where(eq(actions.id, actionUrl.split("/").pop()!))
          )[0]?.status,
      )
      .toBe("verified");
  });

  it("the executive dashboard shows CSAT, NPS and responses from the database", async () => {
    const exec = await newPage();
    await signInAs(exec, "Evan Executive");
    await exec.goto(`${app.url}/dashboard`);
    const [s] = await app.db
      .select({
        n: sql<number>`count(*)`,
        sat: sql<number>`sum(${surveyResponses.csat} >= 4)`,
      })
      .from(surveyResponses);
    const csat = Math.round((s!.sat / s!.n) * 1000) / 10;
    await exec.getByText(`${csat}%`).first().waitFor();
    await exec.getByText(String(s!.n), { exact: true }).first().waitFor();
    await exec.getByRole("row", { name: /Billing/ }).waitFor();
    const overdueOpen = await app.db
      .select({ n: sql<number>`count(*)` })
      .from(actions)
      .where(and(sql`${actions.status} IN ('open','in_progress')`, sql`${actions.deadline} < ${Date.now()}`));
    expect(overdueOpen[0]!.n).toBeGreaterThan(0); // the seed has overdue work the dashboard flags
  });
});

describe("staff sign-in by email link", () => {
  it("answers known and unknown addresses alike, mails only staff, and the link signs in once", async () => {
    const page = await newPage();
    for (const email of ["executive@northwind.example", "nobody@example.com"]) {
      await page.goto(`${app.url}/sign-in`);
      await page.getByLabel("Work email").fill(email);
      await page.getByRole("button", { name: "Email me a sign-in link" }).click();
      await page.waitForURL(/\/sign-in\/check-email/);
      await page.getByRole("heading", { name: "Check your email" }).waitFor();
    }
    const mail = await mailTo("executive@northwind.example", /sign-in link/);
    expect(app.smtp.received.some((m) => m.to.includes("nobody@example.com"))).toBe(false);
    // The link opens a confirmation page (a GET uses nothing up); its button signs in.
    const link = /https?:\/\/\S+\/sign-in\/confirm\S+/.exec(mail.text ?? "")?.[0];
    expect(link?.startsWith(app.url)).toBe(true); // built from APP_URL
    await page.goto(link!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/dashboard`);
    await page.getByRole("heading", { name: "What customers are telling us" }).waitFor();
    // The link works once: a second use is refused.
    const other = await newPage();
    await other.goto(link!);
    await other.getByRole("button", { name: "Sign in" }).click();
    await other.waitForURL(/\/sign-in\?/);
    expect(other.url()).toContain("error");
  });

  it("refuses a callbackUrl that leads off the site", async () => {
    const page = await newPage();
    const res = await page.request.get(`${app.url}/api/auth/signin?callbackUrl=https://evil.example/steal`, {
      maxRedirects: 0,
    });
    expect(res.headers().location ?? "").not.toContain("evil.example");
  });
});
