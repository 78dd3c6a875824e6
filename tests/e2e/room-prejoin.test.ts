// The device check before joining, in real Chromium: choose devices, see yourself, a moving
// microphone level, audio-only join; and a browser that refuses the microphone and camera gets a
// clear message and can still join to listen.
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import { RoomServiceClient, TrackType } from "livekit-server-sdk";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { chromiumArgs, findChromium } from "../support/chromium";
import { bookGuest, journey } from "../support/journey";

const { app, browser } = journey();
let refusing: Browser;
let sessionId = "";
let roomName = "";
const SHOTS = process.env.ROOM_SHOTS_DIR ?? "/tmp/room-shots";

async function openRoom(b: Browser, name: string): Promise<{ page: Page; identity: string }> {
  const link = await bookGuest(app, sessionId, { name, timeZone: "UTC" });
  const ctx = await b.newContext({ viewport: { width: 390, height: 844 } });
  ctx.setDefaultTimeout(60_000);
  const page = await ctx.newPage();
  await page.goto(`${app.url}/i/${link.token}`);
  await page.waitForURL(/\/invite$/);
  await page.goto(`${app.url}/invite/room`);
  return { page, identity: `cust_${link.invitationId}` };
}

beforeAll(async () => {
  // Fake devices exist, but nothing answers the permission prompt, so access is refused.
  refusing = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs.filter((a) => a !== "--use-fake-ui-for-media-stream"),
  });
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Device check",
      startsAt: new Date(Date.now() + 3600_000),
      timeZone: "UTC",
      facilitatorId: farah!.id,
    })
    .returning();
  sessionId = s!.id;
  roomName = s!.roomName;
});

afterAll(async () => {
  await refusing?.close();
});

describe("pre-join device check", () => {
  it("shows devices, a self view and a moving microphone level, then joins audio-only", async () => {
    const { page, identity } = await openRoom(browser(), "Minh Le");
    await page.getByRole("button", { name: "Check my microphone and camera" }).click();
    await expect
      .poll(() => page.getByLabel("Microphone", { exact: true }).locator("option").count())
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByLabel("Camera", { exact: true }).locator("option").count())
      .toBeGreaterThan(0);
    const preview = page.getByLabel("Your camera picture");
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    // Chromium's fake microphone beeps; the meter moves with it.
    await expect
      .poll(async () => Number(await page.locator("meter").getAttribute("data-level")), { timeout: 15_000 })
      .toBeGreaterThan(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/customer-prejoin.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Join with audio only (no camera)").check();
    await preview.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Join the session" }).click();
    await page.locator('[data-phase="connected"]').waitFor();
    const api = new RoomServiceClient(
      app.livekitUrl.replace(/^ws/, "http"),
      app.livekit.apiKey,
      app.livekit.apiSecret,
    );
    await expect
      .poll(async () => (await api.getParticipant(roomName, identity)).tracks.map((t) => t.type))
      .toEqual([TrackType.AUDIO]);
  });

  it("explains a refused microphone and camera, and still lets the person join to listen", async () => {
    const { page, identity } = await openRoom(refusing, "Hoa Pham");
    await page.getByRole("button", { name: "Check my microphone and camera" }).click();
    await page.getByRole("alert").filter({ hasText: "not allowing the microphone or camera" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/customer-prejoin-denied.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Join the session" }).click();
    await page.locator('[data-phase="connected"]').waitFor();
    await page.getByRole("alert").filter({ hasText: "not allowing the microphone or camera" }).waitFor();
    const api = new RoomServiceClient(
      app.livekitUrl.replace(/^ws/, "http"),
      app.livekit.apiKey,
      app.livekit.apiSecret,
    );
    expect((await api.getParticipant(roomName, identity)).tracks).toEqual([]);
  });
});
