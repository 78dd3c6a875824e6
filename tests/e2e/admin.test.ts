// The admin area in real Chromium against the production build: an admin invites a staff
// member, who signs in with an emailed link; demoting and deactivating them take effect on their
// next page; the company's name replaces "Immersion" on customer pages; the retention period and
// survey cap are saved; the audit log shows what happened. Non-admins get 404s.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { companySettings, consentVersions, departments, users } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { journey } from "../support/journey";

const { app, newPage, signInAs, mailTo } = journey();
const SHOTS = process.env.SCREENSHOT_DIR;
const NEW = { name: "Nadia Newcomer", email: "nadia.newcomer@northwind.example" };

describe("the admin area", () => {
  it("is not found for anyone but admins", async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await signInAs(page, "Farah Facilitator");
    for (const path of [
      "/admin",
      "/admin/users",
      "/admin/departments",
      "/admin/consent",
      "/admin/integrations",
      "/admin/settings",
      "/admin/audit",
    ])
      expect((await page.goto(`${app.url}${path}`))?.status()).toBe(404);
  });

  it("invites a staff member who signs in; demotion and deactivation apply on their next page", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signInAs(admin, "Ada Admin");
    await admin.goto(`${app.url}/admin/users`);
    await admin.getByLabel("Name", { exact: true }).fill(NEW.name);
    await admin.getByLabel("Work email").fill(NEW.email);
    await admin.getByLabel("Role", { exact: true }).selectOption("facilitator");
    await admin.getByRole("button", { name: "Invite" }).click();
    await admin.getByText("Invited.").waitFor();
    await admin.getByRole("heading", { name: NEW.name }).waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-users.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);
    await mailTo(NEW.email, /Your Immersion account/);

    // They sign in with an emailed link, like anyone.
    const nadia = await newPage({ width: 1280, height: 900 });
    await nadia.goto(`${app.url}/sign-in`);
    await nadia.getByLabel("Work email").fill(NEW.email);
    await nadia.getByRole("button", { name: "Email me a sign-in link" }).click();
    const mail = await mailTo(NEW.email, /sign-in link/);
    await nadia.goto(/http:\/\/127\.0\.0\.1:\d+\/\S+/.exec(mail.text ?? "")![0]);
    await nadia.getByRole("button", { name: "Sign in" }).click();
    await nadia.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    expect((await nadia.goto(`${app.url}/sessions/new`))?.status()).toBe(200);

    // Demoted to agent: the next page refuses what facilitators may do.
    const row = admin.locator("li", { has: admin.getByRole("heading", { name: NEW.name }) });
    await row.getByLabel(`Role of ${NEW.name}`).selectOption("agent");
    await row.getByRole("button", { name: `Save ${NEW.name}` }).click();
    await row.getByText("Saved.").waitFor();
    expect((await nadia.goto(`${app.url}/sessions/new`))?.status()).toBe(404);

    // Deactivated: the next page is the sign-in page.
    await row.getByLabel("Has access").uncheck();
    await row.getByRole("button", { name: `Save ${NEW.name}` }).click();
    await admin.getByText("(deactivated)").waitFor();
    await nadia.goto(`${app.url}/sessions`);
    await nadia.waitForURL(/\/sign-in/);
  });

  it("sets the company profile and data care; the name shows on customer pages", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signInAs(admin, "Ada Admin");
    await admin.goto(`${app.url}/admin/settings`);
    await admin.getByLabel("Company name (shown to customers)").fill("Northwind Listening");
    await admin.getByLabel(/Retention period/).fill("18");
    await admin.getByLabel(/Survey frequency cap/).fill("45");
    await admin.getByRole("button", { name: "Save settings" }).click();
    await admin.getByText("Saved.").waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-settings.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);
    const saved = await app.db.query.companySettings.findFirst({ where: eq(companySettings.id, 1) });
    expect(saved).toMatchObject({
      name: "Northwind Listening",
      retentionMonths: 18,
      surveyFrequencyCapDays: 45,
    });
    const customer = await newPage({ width: 320, height: 720 });
    await customer.goto(`${app.url}/link-invalid`);
    await customer.getByText("Northwind Listening").first().waitFor();

    await admin.goto(`${app.url}/admin/audit?resourceType=company_settings`);
    await admin.getByRole("cell", { name: "settings.update" }).first().waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-audit.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);
  });

  it("creates a department with a head and a member", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signInAs(admin, "Ada Admin");
    await admin.goto(`${app.url}/admin/departments`);
    const create = admin.locator("form", { has: admin.getByRole("button", { name: "Create department" }) });
    await create.getByLabel("Department name").fill("Smart Meters");
    await create.getByLabel("Head", { exact: true }).selectOption({ label: "Amira Agent" });
    await admin.getByRole("button", { name: "Create department" }).click();
    await admin.getByRole("heading", { name: "Smart Meters" }).waitFor();
    const card = admin.locator("li", { has: admin.getByRole("heading", { name: "Smart Meters" }) });
    await card.getByLabel("Add to Smart Meters").selectOption({ label: "Olu Owner" });
    await card.getByRole("button", { name: "Add to Smart Meters" }).click();
    await card.getByLabel(/^Olu Owner/).waitFor();
    const dept = await app.db.query.departments.findFirst({ where: eq(departments.name, "Smart Meters") });
    const amira = await app.db.query.users.findFirst({ where: eq(users.name, "Amira Agent") });
    expect(dept?.headId).toBe(amira?.id);
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-departments.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);
  });

  it("publishes a consent version after a preview", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signInAs(admin, "Ada Admin");
    await admin.goto(`${app.url}/admin/consent`);
    const field = admin.getByLabel("Taking part (Vietnamese)");
    await field.fill("Tôi đồng ý tham gia buổi lắng nghe (phiên bản mới).");
    await admin
      .getByRole("region", { name: "Preview in Tiếng Việt (Vietnamese)" })
      .getByText("Tôi đồng ý tham gia buổi lắng nghe (phiên bản mới).")
      .waitFor();
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-consent.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole("button", { name: "Publish the new version" }).click();
    await admin.getByText("Published.").waitFor();
    expect(await app.db.$count(consentVersions)).toBe(1);
  });

  it("shows the integrations and lets staff set their own zone and language", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signInAs(admin, "Ada Admin");
    await admin.goto(`${app.url}/admin/integrations`);
    await admin.getByRole("rowheader", { name: "Database" }).waitFor();
    expect(await admin.getByRole("row", { name: /Database/ }).textContent()).toContain("Answering");
    if (SHOTS) await admin.screenshot({ path: `${SHOTS}/admin-integrations.png`, fullPage: true });
    expect(await axeViolations(admin)).toEqual([]);

    const agent = await newPage({ width: 390, height: 844 });
    await signInAs(agent, "Amira Agent");
    await agent.goto(`${app.url}/profile`);
    await agent.getByLabel("Your time zone").selectOption("Europe/Paris");
    await agent.getByLabel(/Your language/).selectOption("vi");
    await agent.getByRole("button", { name: "Save" }).click();
    await agent.getByText("Saved.").waitFor();
    await agent.reload();
    await agent.getByText(/Now, for you: .*tháng/).waitFor();
    if (SHOTS) await agent.screenshot({ path: `${SHOTS}/profile.png`, fullPage: true });
    expect(await axeViolations(agent)).toEqual([]);
  });
});
