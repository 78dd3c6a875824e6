// A two-round speed-dating rotation in real Chromium against the production build and the LiveKit
// development server: 2 tables, 2 rotating staff, 2 customers. In round 1 staff A hears customer 1
// at table 1; at the boundary the page asks the server for its next table, reconnects, and decodes
// customer 2 at table 2; the customers never move. Rounds are short here because the session is
// written straight into the test database with a 1-minute round and a start moved back in time —
// nothing in the app can be told to shorten a round.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customers,
  invitations,
  sessionStaff,
  sessions,
  speedDatingRotation,
  speedDatingSeats,
  users,
} from "@/db/schema";
import { type AppServer, startAppServer } from "../support/app-server";
import { launchChromium } from "../support/chromium";
import { journey } from "../support/journey";
import { inboundMedia, installRoomProbe } from "../support/room-probe";

let app: AppServer;
let browser: Browser;
const SHOTS = process.env.ROOM_SHOTS_DIR ?? "/tmp/room-shots";
const ROUND_MS = 60_000;

let sessionId = "";
const invitationIds: string[] = [];
const customerLinks: string[] = [];
let staffA = { id: "", name: "" };
let staffB = { id: "", name: "" };
let facilitatorPage: Page;
let staffPage: Page;
let customerPages: Page[] = [];

/** Every data-channel message the customers' browsers received, as text. */
const customerReceived: string[] = [];

const {
  newPage: openPage,
  signInAs,
  closeAll,
} = journey(
  () => app,
  () => browser,
);

/** A page with the room probe; `record` keeps every data message it receives. */
const newPage = (opts: { record?: boolean } = {}) =>
  openPage({ width: 1100, height: 900 }, (ctx) =>
    installRoomProbe(ctx, opts.record ? (text) => customerReceived.push(text) : undefined),
  );

/** Decoded audio samples on the page's open connections (a closed, left room counts nothing). */
const decodedAudio = async (page: Page) => (await inboundMedia(page)).audio;

/** Audio keeps arriving: decoded samples grow over a second. */
async function hearing(page: Page): Promise<boolean> {
  const before = await decodedAudio(page);
  await page.waitForTimeout(1000);
  return (await decodedAudio(page)) > before;
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const joined = (page: Page) => page.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });
const person = (page: Page, identity: string) => page.locator(`li[data-identity="${identity}"]`);

beforeAll(async () => {
  app = await startAppServer();
  browser = await launchChromium();
  const byEmail = async (email: string) =>
    (await app.db.query.users.findFirst({ where: eq(users.email, email) }))!;
  const farah = await byEmail("facilitator@northwind.example");
  const amira = await byEmail("agent@northwind.example");
  const evan = await byEmail("executive@northwind.example");
  staffA = { id: amira.id, name: amira.name };
  staffB = { id: evan.id, name: evan.name };
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Billing — speed dating",
      format: "speed_dating",
      tableCount: 2,
      roundMinutes: 1,
      durationMinutes: 10,
      status: "live",
      startsAt: new Date(),
      startedAt: new Date(),
      timeZone: "Europe/London",
      facilitatorId: farah.id,
      observersHidden: false,
    })
    .returning();
  sessionId = s!.id;
  await app.db.insert(sessionStaff).values([
    { sessionId, userId: farah.id, roomRole: "facilitator" },
    { sessionId, userId: amira.id, roomRole: "speaker" },
    { sessionId, userId: evan.id, roomRole: "speaker" },
  ]);
  for (const [i, name] of ["Lan Nguyen", "Chen Wei"].entries()) {
    const [c] = await app.db
      .insert(customers)
      .values({ name, email: `speed${i}.e2e@example.com`, language: "en", timeZone: "Europe/London" })
      .returning();
    const token = randomBytes(32).toString("base64url");
    const [inv] = await app.db
      .insert(invitations)
      .values({
        sessionId,
        customerId: c!.id,
        status: "accepted",
        tokenHash: createHash("sha256").update(token, "utf8").digest("hex"),
        tokenExpiresAt: new Date(Date.now() + 86400_000),
      })
      .returning();
    invitationIds.push(inv!.id);
    customerLinks.push(token);
  }
  // The seating as the server would store it, fixed here so the test knows who sits where:
  // customer 1 at table 1, customer 2 at table 2; staff A starts at table 1, staff B at table 2.
  await app.db.insert(speedDatingSeats).values([
    { sessionId, invitationId: invitationIds[0]!, tableIndex: 0 },
    { sessionId, invitationId: invitationIds[1]!, tableIndex: 1 },
  ]);
  await app.db.insert(speedDatingRotation).values([
    { sessionId, userId: staffA.id, slot: 0 },
    { sessionId, userId: staffB.id, slot: 1 },
  ]);
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await app?.close();
});

describe("speed dating", () => {
  it("moves staff to their next table at the round boundary; customers stay at theirs", async () => {
    // Round 1 ends 75 s from now on the server's clock: enough for everyone to join and listen on
    // a busy machine (a start a little ahead is still round 1, ending one round after it).
    const startedAt = new Date(Date.now() - ROUND_MS + 75_000);
    await app.db.update(sessions).set({ startedAt }).where(eq(sessions.id, sessionId));
    const guests: Page[] = [];
    for (const link of customerLinks) {
      const page = await newPage({ record: true });
      await page.goto(`${app.url}/i/${link}`);
      await page.waitForURL(/\/invite$/);
      await page.goto(`${app.url}/invite/room`);
      await page.getByLabel("Join with audio only (no camera)").check();
      await page.getByRole("button", { name: "Join the session" }).click();
      await joined(page);
      guests.push(page);
    }
    customerPages = guests;
    const [guest1, guest2] = guests as [Page, Page];
    await guest1.locator('[data-table="1"]').waitFor();
    await guest2.locator('[data-table="2"]').waitFor();

    const a = await newPage();
    await signInAs(a, "Amira Agent");
    await a.goto(`${app.url}/sessions/${sessionId}/room`);
    await a.getByRole("button", { name: "Join the room" }).click();
    await joined(a);
    const b = await newPage();
    await signInAs(b, "Evan Executive");
    await b.goto(`${app.url}/sessions/${sessionId}/room`);
    await b.getByRole("button", { name: "Join the room" }).click();
    await joined(b);

    const cust1 = `cust_${invitationIds[0]}`;
    const cust2 = `cust_${invitationIds[1]}`;
    // Round 1: staff A at table 1 with customer 1, hearing them; B at table 2 with customer 2.
    await a.locator('[data-table="1"][data-round="1"]').waitFor();
    await person(a, cust1).waitFor();
    expect(await person(a, cust2).count()).toBe(0);
    await expect.poll(() => hearing(a), { timeout: 20_000 }).toBe(true);
    await person(b, cust2).waitFor();
    await person(guest1, `staff_${staffA.id}`).waitFor();
    expect(Date.now()).toBeLessThan(startedAt.getTime() + ROUND_MS); // still round 1
    await shot(a, "speed-staff-round-1");
    await shot(guest1, "speed-customer-round-1");

    // The boundary: A is moved to table 2 and decodes customer 2 there; B to table 1.
    await a.locator('[data-table="2"][data-round="2"]').waitFor({ timeout: 60_000 });
    await joined(a);
    await person(a, cust2).waitFor({ timeout: 30_000 });
    expect(await person(a, cust1).count()).toBe(0);
    await expect.poll(() => hearing(a), { timeout: 30_000 }).toBe(true);
    await b.locator('[data-table="1"][data-round="2"]').waitFor({ timeout: 30_000 });
    await person(b, cust1).waitFor({ timeout: 30_000 });

    // Customers stayed: same table, still connected, and now with the other staff member.
    await guest1.locator('[data-table="1"][data-round="2"]').waitFor();
    await guest2.locator('[data-table="2"][data-round="2"]').waitFor();
    expect(await guest1.locator('[data-phase="connected"]').count()).toBe(1);
    await person(guest1, `staff_${staffB.id}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => person(guest1, `staff_${staffA.id}`).count(), { timeout: 30_000 }).toBe(0);
    await person(guest2, `staff_${staffA.id}`).waitFor();
    staffPage = a;
    await shot(a, "speed-staff-round-2");
    await shot(guest2, "speed-customer-round-2");
    await guest2.setViewportSize({ width: 390, height: 844 });
    await shot(guest2, "speed-customer-phone");
  });

  it("shows the facilitator every table and lets them join any of them", async () => {
    const f = await newPage();
    await signInAs(f, "Farah Facilitator");
    await f.goto(`${app.url}/sessions/${sessionId}/room`);
    await f.getByRole("button", { name: "Join the room" }).click();
    await joined(f);
    await f.locator('[data-table="1"]').first().waitFor();
    const table2 = f.locator('[data-table-card="2"]');
    await table2.getByText(staffA.name).waitFor();
    await table2.getByRole("button", { name: "Join table 2" }).click();
    await f.locator('[data-table="2"]').first().waitFor();
    await joined(f);
    await person(f, `cust_${invitationIds[1]}`).waitFor({ timeout: 30_000 });
    await person(f, `staff_${staffA.id}`).waitFor({ timeout: 30_000 });
    facilitatorPage = f;
    await shot(f, "speed-facilitator-tables");
  });

  it("lists approved questions for the facilitator to read out; none of the queue reaches a customer", async () => {
    const QUESTION = "What would have made topping up easier for you";
    await staffPage.getByLabel("Question for the guests").fill(QUESTION);
    await staffPage.getByRole("button", { name: "Submit question" }).click();
    const queued = facilitatorPage.locator("li", { hasText: QUESTION }).first();
    await queued.waitFor(); // a staff-only message across table rooms
    const readOut = facilitatorPage.getByRole("list", { name: "Read out next" });
    expect(await readOut.count()).toBe(0);
    await queued.getByRole("button", { name: "Approve" }).click();
    await readOut.getByText(QUESTION).waitFor();
    await shot(facilitatorPage, "mass-read-out-next");
    await readOut.getByRole("button", { name: "Read it out (moves to asked)" }).click();
    await facilitatorPage.getByRole("list", { name: "Asked questions" }).getByText(QUESTION).waitFor();
    // The agent's own page saw every step too; the customers saw none of it.
    await staffPage.getByRole("list", { name: "Asked questions" }).getByText(QUESTION).waitFor();
    for (const page of customerPages) expect(await page.getByText(QUESTION).count()).toBe(0);
    // What does reach the guests, at every table, is what the facilitator chooses to say or caption.
    const CAPTION = "Our next question is about topping up";
    await facilitatorPage.getByLabel(/Live captions/).fill(CAPTION);
    await facilitatorPage.getByRole("button", { name: "Send caption" }).click();
    await expect.poll(() => customerReceived.filter((m) => m.includes(CAPTION)).length).toBe(2);
    const seen = customerReceived.join("\n");
    expect(seen).not.toContain(QUESTION);
    expect(seen).not.toContain("backroom");
  });
});
