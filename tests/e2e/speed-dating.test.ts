// A two-round speed-dating rotation in real Chromium against the production build and the LiveKit
// development server: 2 tables, 2 rotating staff, 2 customers. In round 1 staff A hears customer 1
// at table 1; at the boundary the page asks the server for its next table, reconnects, and decodes
// customer 2 at table 2; the customers never move.
//
// Time is driven, never waited for: rounds are 10 minutes, so nothing happens by the clock on its
// own, and the test moves the round clock by rewriting the session's `startedAt` in its own
// database (the server computes the round from it on every token) and then sends the message the
// server itself sends when a session starts ("the round clock changed: ask again"). Everything
// after that is the product: each page asks the token route, and rotating staff move when their
// own wall-clock check passes the end of the round. See docs/decisions/009.
//
// Each test takes what it needs from `seated()`, which joins whoever is not in the room yet, so a
// failure in one test is reported there and does not leave the next with nothing to work on.
import { mkdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import { DataPacket_Kind, RoomServiceClient } from "livekit-server-sdk";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { sessionStaff, sessions, speedDatingRotation, speedDatingSeats, users } from "@/db/schema";
import { encodeRoomMessage } from "@/lib/room-messages";
import { tableRoomName } from "@/lib/speed-dating";
import { bookGuest, journey } from "../support/journey";
import { inboundMedia, installRoomProbe } from "../support/room-probe";

const SHOTS = process.env.ROOM_SHOTS_DIR ?? "/tmp/room-shots";
const ROUND_MINUTES = 10;
const ROUND_MS = ROUND_MINUTES * 60_000;

let sessionId = "";
let roomName = "";
const invitationIds: string[] = [];
const customerLinks: string[] = [];
let staffA = { id: "", name: "" };
let staffB = { id: "", name: "" };

/** Every data-channel message the customers' browsers received, as text. */
const customerReceived: string[] = [];
/** The placement in every token answer customer 1's page received, in order. */
const guest1Answers: { startedAt: number | null }[] = [];
/** Every page opened, by who it is, and each page's token answers, for the report on a failure. */
const opened = new Map<string, Page>();
const answers: string[] = [];

function watchTokens(page: Page, who: string) {
  page.on("response", async (r) => {
    if (!r.url().endsWith("/api/livekit/token")) return;
    const body = (await r.json().catch(() => null)) as { placement?: { table: number } } | null;
    answers.push(`${new Date().toISOString()} ${who} ${r.status()} table ${body?.placement?.table ?? "-"}`);
  });
}

/** What every page shows (phase, table, round, time left), the token answers and the app's log. */
async function report(): Promise<string> {
  const lines: string[] = [];
  for (const [who, page] of opened) {
    const state = await page
      .evaluate(() => {
        const phase = document.querySelector("[data-phase]")?.getAttribute("data-phase");
        const timer = document.querySelector("[data-table][data-round]");
        const left = timer?.querySelector("[data-time-left]")?.getAttribute("data-time-left");
        return `phase ${phase} table ${timer?.getAttribute("data-table")} round ${timer?.getAttribute("data-round")} left ${left}`;
      })
      .catch((e: unknown) => String(e));
    lines.push(`${who}: ${state}`);
  }
  return [...lines, ...answers.slice(-30), app.logs().slice(-2000)].join("\n");
}

const { app, newPage: openPage, signInAs } = journey();

/** A page with the room probe; `record` keeps every data message it receives. */
const newPage = (opts: { record?: boolean } = {}) =>
  openPage({ width: 1100, height: 900 }, (ctx) =>
    installRoomProbe(ctx, opts.record ? (text) => customerReceived.push(text) : undefined),
  );

/** Decoded audio samples on the page's open connections (a closed, left room counts nothing). */
const decodedAudio = async (page: Page) => (await inboundMedia(page)).audio;

/** Audio keeps arriving: decoded samples grow beyond what they were when we started looking. */
async function hears(page: Page) {
  const before = await decodedAudio(page);
  await expect.poll(() => decodedAudio(page), { timeout: 30_000 }).toBeGreaterThan(before);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const joined = (page: Page) => page.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });
const person = (page: Page, identity: string) => page.locator(`li[data-identity="${identity}"]`);
/** The page's round timer shows this table and round, counting down (not "waiting"). */
const counting = (page: Page, table: number, round: number) =>
  page
    .locator(`[data-table="${table}"][data-round="${round}"] [data-time-left]:not([data-time-left=""])`)
    .waitFor();

/**
 * Runs `join` once; a failed join is tried afresh by the next test that needs the page, and a page
 * that has dropped out of the room since (a loaded machine loses connections) joins again.
 */
function once(who: string, joinButton: string, join: () => Promise<Page>): () => Promise<Page> {
  let page: Promise<Page> | undefined;
  return async () => {
    page ??= join().catch((error: unknown) => {
      page = undefined;
      throw error;
    });
    const p = await page;
    if (await p.locator('[data-phase="failed"], [data-phase="disconnected"]').count()) {
      console.warn(`[speed-dating] ${who} was out of the room; joining again`);
      await p.getByRole("button", { name: joinButton }).click();
      await joined(p);
    }
    return p;
  };
}

const guest = [0, 1].map((i) =>
  once(`customer ${i + 1}`, "Join the session", async () => {
    const page = await newPage({ record: true });
    opened.set(`customer ${i + 1}`, page);
    watchTokens(page, `customer ${i + 1}`);
    if (i === 0)
      page.on("response", async (r) => {
        if (!r.url().endsWith("/api/livekit/token") || !r.ok()) return;
        const body = (await r.json().catch(() => null)) as { placement?: { startedAt: number | null } };
        if (body?.placement) guest1Answers.push(body.placement);
      });
    await page.goto(`${app.url}/i/${customerLinks[i]}`);
    await page.waitForURL(/\/invite$/);
    await page.goto(`${app.url}/invite/room`);
    await page.getByLabel("Join with audio only (no camera)").check();
    await page.getByRole("button", { name: "Join the session" }).click();
    await joined(page);
    return page;
  }),
) as [() => Promise<Page>, () => Promise<Page>];

const staffPage = (name: string) =>
  once(name, "Join the room", async () => {
    const page = await newPage();
    opened.set(name, page);
    watchTokens(page, name);
    await signInAs(page, name);
    await page.goto(`${app.url}/sessions/${sessionId}/room`);
    await page.getByRole("button", { name: "Join the room" }).click();
    await joined(page);
    return page;
  });
const staffAPage = staffPage("Amira Agent");
const staffBPage = staffPage("Evan Executive");
const facilitatorPage = staffPage("Farah Facilitator");

/** Both customers, then both rotating staff, in the room (joining whoever is not yet). */
async function seated(): Promise<[Page, Page, Page, Page]> {
  const g1 = await guest[0]();
  const g2 = await guest[1]();
  return [g1, g2, await staffAPage(), await staffBPage()];
}

/**
 * Drives the round clock: `round` (1-based) is now running with `leftMs` to go. The server reads
 * `startedAt` on every token; the pages are told as the server tells them when a session starts.
 */
async function setClock(round: number, leftMs: number) {
  const startedAt = new Date(Date.now() - round * ROUND_MS + leftMs);
  await app.db.update(sessions).set({ status: "live", startedAt }).where(eq(sessions.id, sessionId));
  const api = new RoomServiceClient(
    app.livekitUrl.replace(/^ws/, "http"),
    app.livekit.apiKey,
    app.livekit.apiSecret,
  );
  for (const table of [1, 2]) {
    const name = tableRoomName(roomName, table);
    const everyone = (await api.listParticipants(name).catch(() => [])).map((p) => p.identity);
    if (!everyone.length) continue;
    const { topic, payload } = encodeRoomMessage({ topic: "round-clock", type: "round-clock" });
    await api.sendData(name, payload, DataPacket_Kind.RELIABLE, { destinationIdentities: everyone, topic });
  }
}

beforeAll(async () => {
  const byEmail = async (email: string) =>
    (await app.db.query.users.findFirst({ where: eq(users.email, email) }))!;
  const farah = await byEmail("facilitator@northwind.example");
  const amira = await byEmail("agent@northwind.example");
  const evan = await byEmail("executive@northwind.example");
  staffA = { id: amira.id, name: amira.name };
  staffB = { id: evan.id, name: evan.name };
  // Scheduled, not started: the first guest's arrival opens table 1's room, and LiveKit's
  // room_started makes the session live and starts the round clock, as in production.
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Billing — speed dating",
      format: "speed_dating",
      tableCount: 2,
      roundMinutes: ROUND_MINUTES,
      durationMinutes: 2 * ROUND_MINUTES + 10,
      status: "scheduled",
      startsAt: new Date(),
      timeZone: "Europe/London",
      facilitatorId: farah.id,
      observersHidden: false,
    })
    .returning();
  sessionId = s!.id;
  roomName = s!.roomName;
  await app.db.insert(sessionStaff).values([
    { sessionId, userId: farah.id, roomRole: "facilitator" },
    { sessionId, userId: amira.id, roomRole: "speaker" },
    { sessionId, userId: evan.id, roomRole: "speaker" },
  ]);
  for (const [i, name] of ["Lan Nguyen", "Chen Wei"].entries()) {
    const guest = await bookGuest(app, sessionId, { name, email: `speed${i}.e2e@example.com` });
    invitationIds.push(guest.invitationId);
    customerLinks.push(guest.token);
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

afterEach(async ({ task }) => {
  if (task.result?.state === "fail") console.error(`[speed-dating] after "${task.name}":\n${await report()}`);
});

// Every test may join up to five browsers on a machine shared with other work: a generous bound on
// conditions that are waited for, not a measure of anything.
describe("speed dating", { timeout: 240_000 }, () => {
  it("starts every table's round clock when the first guest arrives, even for that guest", async () => {
    const [guest1, guest2, a, b] = await seated();
    // Customer 1 was first: their own token said "not started" (their arrival starts the session).
    expect(guest1Answers[0]?.startedAt).toBeNull();
    const cust1 = `cust_${invitationIds[0]}`;
    const cust2 = `cust_${invitationIds[1]}`;
    // Round 1 for everyone, counting down: A and customer 1 at table 1, B and customer 2 at table 2.
    await counting(guest1, 1, 1);
    await counting(guest2, 2, 1);
    await counting(a, 1, 1);
    await counting(b, 2, 1);
    await person(a, cust1).waitFor();
    expect(await person(a, cust2).count()).toBe(0);
    await hears(a);
    await person(b, cust2).waitFor();
    await person(guest1, `staff_${staffA.id}`).waitFor();
    expect(await a.locator('[data-table="1"][data-round="1"]').count()).toBe(1); // still round 1
    await shot(a, "speed-staff-round-1");
    await shot(guest1, "speed-customer-round-1");
  });

  it("moves staff to their next table at the round boundary; customers stay at theirs", async () => {
    const [guest1, guest2, a, b] = await seated();
    const cust1 = `cust_${invitationIds[0]}`;
    const cust2 = `cust_${invitationIds[1]}`;
    // B's next ask fails, as on a busy server: B stays at their table, tries again, and still moves.
    let refused = 0;
    await b.route("**/api/livekit/token", (route) =>
      refused++ === 0 ? route.fulfill({ status: 503, body: '{"error":"unavailable"}' }) : route.continue(),
    );
    // Round 1 ends a few seconds from now: the pages learn it, then their own clocks run out.
    await setClock(1, 4000);

    // The boundary: A is moved to table 2 and decodes customer 2 there; B to table 1.
    await a.locator('[data-table="2"][data-round="2"]').waitFor();
    await joined(a);
    await person(a, cust2).waitFor({ timeout: 30_000 });
    expect(await person(a, cust1).count()).toBe(0);
    await hears(a);
    await b.locator('[data-table="1"][data-round="2"]').waitFor({ timeout: 30_000 });
    await person(b, cust1).waitFor({ timeout: 30_000 });
    expect(refused).toBeGreaterThan(1); // the refused ask and the ones after it
    await joined(b);

    // Customers stayed: same table, still connected, and now with the other staff member.
    await guest1.locator('[data-table="1"][data-round="2"]').waitFor();
    await guest2.locator('[data-table="2"][data-round="2"]').waitFor();
    expect(await guest1.locator('[data-phase="connected"]').count()).toBe(1);
    await person(guest1, `staff_${staffB.id}`).waitFor({ timeout: 30_000 });
    await expect.poll(() => person(guest1, `staff_${staffA.id}`).count(), { timeout: 30_000 }).toBe(0);
    await person(guest2, `staff_${staffA.id}`).waitFor();
    await shot(a, "speed-staff-round-2");
    await shot(guest2, "speed-customer-round-2");
    await guest2.setViewportSize({ width: 390, height: 844 });
    await shot(guest2, "speed-customer-phone");
    await guest2.setViewportSize({ width: 1100, height: 900 });
  });

  it("shows the facilitator every table and lets them join any of them", async () => {
    const [, , a] = await seated();
    // Round 2 (A at table 2): where the last test left the clock, or set here if it did not get there.
    if ((await a.locator('[data-table="2"][data-round="2"]').count()) === 0)
      await setClock(2, ROUND_MS - 10_000);
    await a.locator('[data-table="2"][data-round="2"]').waitFor();
    const f = await facilitatorPage();
    await f.locator('[data-table="1"]').first().waitFor();
    const table2 = f.locator('[data-table-card="2"]');
    await table2.getByText(staffA.name).waitFor();
    await table2.getByRole("button", { name: "Join table 2" }).click();
    await f.locator('[data-table="2"]').first().waitFor();
    await joined(f);
    await person(f, `cust_${invitationIds[1]}`).waitFor({ timeout: 30_000 });
    await person(f, `staff_${staffA.id}`).waitFor({ timeout: 30_000 });
    await shot(f, "speed-facilitator-tables");
  });

  it("lists approved questions for the facilitator to read out; none of the queue reaches a customer", async () => {
    const [guest1, guest2, staff] = await seated();
    const customerPages = [guest1, guest2];
    const facilitator = await facilitatorPage();
    const QUESTION = "What would have made topping up easier for you";
    await staff.getByLabel("Question for the guests").fill(QUESTION);
    await staff.getByRole("button", { name: "Submit question" }).click();
    const queued = facilitator.locator("li", { hasText: QUESTION }).first();
    await queued.waitFor(); // a staff-only message across table rooms
    const readOut = facilitator.getByRole("list", { name: "Read out next" });
    expect(await readOut.count()).toBe(0);
    await queued.getByRole("button", { name: "Approve" }).click();
    await readOut.getByText(QUESTION).waitFor();
    await shot(facilitator, "mass-read-out-next");
    await readOut.getByRole("button", { name: "Read it out (moves to asked)" }).click();
    await facilitator.getByRole("list", { name: "Asked questions" }).getByText(QUESTION).waitFor();
    // The agent's own page saw every step too; the customers saw none of it.
    await staff.getByRole("list", { name: "Asked questions" }).getByText(QUESTION).waitFor();
    for (const page of customerPages) expect(await page.getByText(QUESTION).count()).toBe(0);
    // What does reach the guests, at every table, is what the facilitator chooses to say or caption.
    const CAPTION = "Our next question is about topping up";
    await facilitator.getByLabel(/Live captions/).fill(CAPTION);
    await facilitator.getByRole("button", { name: "Send caption" }).click();
    // One send per table room, one after the other: on a busy machine the second can take seconds.
    await expect
      .poll(() => customerReceived.filter((m) => m.includes(CAPTION)).length, { timeout: 30_000 })
      .toBe(2);
    const seen = customerReceived.join("\n");
    expect(seen).not.toContain(QUESTION);
    expect(seen).not.toContain("backroom");
  });
});
