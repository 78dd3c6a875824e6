// A story circle in real Chromium against the production build and the LiveKit server under test:
// three customers take turns telling their story; the facilitator reorders and moves on with a
// gentle timer; each customer sees who is telling and their own place; an observer on a phone reads
// the order in the backroom drawer.
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sessionStaff, sessions, users } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { bookGuest, journey } from "../support/journey";
import { installRoomProbe } from "../support/room-probe";

const SHOTS = process.env.ROOM_SHOTS_DIR ?? "/tmp/room-shots";
let sessionId = "";
const links: Record<string, string> = {};
const guests: Record<string, Page> = {};
let facilitator: Page;

const { app, newPage, signInAs } = journey();
const page = (viewport: { width: number; height: number }) =>
  newPage(viewport, (ctx) => installRoomProbe(ctx));
const joined = (p: Page) => p.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });
async function shot(p: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await p.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

beforeAll(async () => {
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const amira = await app.db.query.users.findFirst({ where: eq(users.email, "agent@northwind.example") });
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Power cuts — story circle",
      format: "story_circle",
      startsAt: new Date(Date.now() + 3600_000),
      durationMinutes: 40,
      timeZone: "Europe/London",
      facilitatorId: farah!.id,
    })
    .returning();
  sessionId = s!.id;
  await app.db.insert(sessionStaff).values([
    { sessionId, userId: farah!.id, roomRole: "facilitator" },
    { sessionId, userId: amira!.id, roomRole: "observer" },
  ]);
  for (const name of ["Hoa Pham", "Lan Vo", "Minh Le"]) {
    const guest = await bookGuest(app, sessionId, {
      name,
      email: `${name.split(" ")[0]!.toLowerCase()}.story.e2e@example.com`,
      // Audio only: four pages with cameras are more than a small test machine needs.
      accommodations: ["audio_only"],
    });
    links[name.split(" ")[0]!] = guest.link;
  }
});

describe("story circle", () => {
  it("three customers take turns; each sees who is telling and their place", async () => {
    facilitator = await page({ width: 1280, height: 900 });
    await signInAs(facilitator, "Farah Facilitator");
    await facilitator.goto(`${app.url}/sessions/${sessionId}/room`);
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await joined(facilitator);
    for (const name of ["Hoa", "Lan", "Minh"]) {
      const p = await page(name === "Lan" ? { width: 360, height: 740 } : { width: 900, height: 800 });
      await p.goto(links[name]!);
      await p.waitForURL(/\/invite$/);
      await p.goto(`${app.url}/invite/room`);
      await p.getByRole("button", { name: "Join the session" }).click();
      await joined(p);
      guests[name] = p;
    }
    const order = facilitator.getByRole("list", { name: "Telling order" });
    await expect
      .poll(() => order.locator("li").allTextContents())
      .toEqual([
        expect.stringContaining("Hoa Pham"),
        expect.stringContaining("Lan Vo"),
        expect.stringContaining("Minh Le"),
      ]);
    // Reorder: Minh goes before Lan.
    await facilitator.getByRole("button", { name: "Move Minh Le up" }).click();
    await expect.poll(() => order.locator("li").nth(1).textContent()).toContain("Minh Le");
    await facilitator.getByRole("button", { name: "Start with Hoa Pham" }).click();
    const { Hoa, Lan, Minh } = guests as Record<string, Page>;
    await Hoa!.getByText("It is your turn to tell your story.", { exact: false }).waitFor();
    await Minh!.getByText("You are next to tell your story.").waitFor();
    await Lan!.getByText("Telling their story now: Hoa").waitFor();
    await Lan!.getByText("You are number 2 of 2 waiting to tell their story.").waitFor();
    // The facilitator's gentle timer runs for the story being told.
    await facilitator
      .locator("[data-story-now] [data-story-elapsed]:not([data-story-elapsed='0'])")
      .waitFor();
    await facilitator.getByText(/of about 10 min/).waitFor();
    await shot(facilitator, "story-facilitator");
    await shot(Lan!, "phone-story-customer-waiting");
    expect(await axeViolations(Lan!)).toEqual([]);

    await facilitator.getByRole("button", { name: "Next story: Minh Le" }).click();
    await Hoa!.getByText("Thank you for telling your story.").waitFor();
    await Minh!.getByText("It is your turn to tell your story.", { exact: false }).waitFor();
    await Lan!.getByText("You are next to tell your story.").waitFor();
    await Lan!.getByText("Telling their story now: Minh").waitFor();

    await facilitator.getByRole("button", { name: "Next story: Lan Vo" }).click();
    await Lan!.getByText("It is your turn to tell your story.", { exact: false }).waitFor();
    await shot(Lan!, "phone-story-customer-telling");
    await facilitator.getByRole("button", { name: "Lan Vo has finished" }).click();
    await facilitator.getByText("Everyone has told their story.").waitFor();
    await Lan!.getByText("Thank you for telling your story.").waitFor();
    expect(await order.locator('li[data-story-turn="done"]').count()).toBe(3);
  });

  it("an observer on a phone reads the order in the backroom drawer, without the controls", async () => {
    const agent = await page({ width: 390, height: 844 });
    await signInAs(agent, "Amira Agent");
    await agent.goto(`${app.url}/sessions/${sessionId}/room`);
    await agent.getByRole("button", { name: "Join the room" }).click();
    await joined(agent);
    await shot(agent, "phone-staff-room");
    const drawer = agent.locator("#room-panel");
    expect(await drawer.isVisible()).toBe(false);
    await agent.getByRole("button", { name: "Backroom" }).click();
    await drawer.getByRole("list", { name: "Telling order" }).waitFor();
    expect(await drawer.locator('li[data-story-turn="done"]').count()).toBe(3);
    expect(await drawer.getByRole("button", { name: /^Move / }).count()).toBe(0);
    await shot(agent, "phone-staff-backroom-drawer");
    await drawer.getByRole("button", { name: "Close" }).click();
    expect(await drawer.isVisible()).toBe(false);
  });
});
