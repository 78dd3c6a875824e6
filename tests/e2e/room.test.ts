// The live listening room in real Chromium against the production build and the LiveKit
// development server: a customer, the facilitator and a hidden observer in one room; join-to-audio
// timing; the backroom (question queue, notes) surviving a reload and never reaching the customer;
// floor grant and revoke; the moderation ladder to removal and a refused rejoin; attendance from
// the app's own webhook endpoint.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, invitations, roomAttendance, sessionStaff, sessions, users } from "@/db/schema";
import { type AppServer, startAppServer } from "../support/app-server";
import { axeViolations } from "../support/axe";
import { launchChromium } from "../support/chromium";
import { journey } from "../support/journey";
import { inboundMedia, installRoomProbe } from "../support/room-probe";

let app: AppServer;
let browser: Browser;
/** Every data-channel message the customer's browser received, as text (protobuf with JSON inside). */
const customerReceived: string[] = [];
const SHOTS = process.env.ROOM_SHOTS_DIR ?? "/tmp/room-shots";
const QUESTION = "Why did billing pass you between three teams";
const DUPLICATE = "Why were you transferred between teams so often";
const NOTE = "I rang four times before anyone called me back";

let sessionId = "";
let roomName = "";
let invitationId = "";
let agentIdentity = "";
let customerPage: Page;
let facilitator: Page;
let agent: Page;
const joinToAudioMs: number[] = [];

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
  openPage({ width: 1200, height: 900 }, (ctx) =>
    installRoomProbe(ctx, opts.record ? (text) => customerReceived.push(text) : undefined),
  );

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const joined = (page: Page) => page.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });

beforeAll(async () => {
  app = await startAppServer();
  browser = await launchChromium();
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const amira = await app.db.query.users.findFirst({ where: eq(users.email, "agent@northwind.example") });
  const [s] = await app.db
    .insert(sessions)
    .values({
      title: "Moving home — story circle",
      startsAt: new Date(Date.now() + 3600_000),
      timeZone: "Europe/London",
      facilitatorId: farah!.id,
      observersHidden: true,
    })
    .returning();
  sessionId = s!.id;
  roomName = s!.roomName;
  agentIdentity = `staff_${amira!.id}`;
  await app.db.insert(sessionStaff).values([
    { sessionId, userId: farah!.id, roomRole: "facilitator" },
    { sessionId, userId: amira!.id, roomRole: "observer" },
  ]);
  const [c] = await app.db
    .insert(customers)
    .values({
      name: "Lan Nguyen",
      email: "lan.room.e2e@example.com",
      language: "en",
      timeZone: "Europe/London",
    })
    .returning();
  // A personal link as server/security/tokens.ts makes one (that module is server-only).
  const token = randomBytes(32).toString("base64url");
  const link = { token, hash: createHash("sha256").update(token, "utf8").digest("hex") };
  const [inv] = await app.db
    .insert(invitations)
    .values({
      sessionId,
      customerId: c!.id,
      status: "accepted",
      tokenHash: link.hash,
      tokenExpiresAt: new Date(Date.now() + 86400_000),
    })
    .returning();
  invitationId = inv!.id;
  customerPage = await newPage({ record: true });
  await customerPage.goto(`${app.url}/i/${link.token}`);
  await customerPage.waitForURL(/\/invite$/);
});

afterAll(async () => {
  await closeAll();
  await browser?.close();
  await app?.close();
});

describe("the live room", () => {
  it("customer, facilitator and a hidden observer share one room; media is decoded both ways", async () => {
    facilitator = await newPage();
    await signInAs(facilitator, "Farah Facilitator");
    await facilitator.goto(`${app.url}/sessions/${sessionId}/room`);
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await joined(facilitator);

    agent = await newPage();
    await signInAs(agent, "Amira Agent");
    await agent.goto(`${app.url}/sessions/${sessionId}/room`);
    await agent.getByRole("button", { name: "Join the room" }).click();
    await joined(agent);

    await customerPage.goto(`${app.url}/invite/room`);
    await customerPage.getByRole("button", { name: "Join the session" }).click();
    await joined(customerPage);

    await facilitator.locator(`li[data-identity="cust_${invitationId}"]`).waitFor();
    await customerPage.locator("li", { hasText: "Farah" }).waitFor({ timeout: 20_000 });
    await expect
      .poll(() => inboundMedia(facilitator).then((r) => r.audio > 0 && r.video > 0), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => inboundMedia(customerPage).then((r) => r.audio > 0), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => inboundMedia(agent).then((r) => r.audio > 0), { timeout: 30_000 }).toBe(true);
    // Chromium's fake microphone beeps: the speaking ring follows the sound on the other side.
    await facilitator
      .locator(`li[data-identity="cust_${invitationId}"][data-speaking="true"]`)
      .waitFor({ timeout: 20_000 });
    await customerPage.locator('li[data-speaking="true"]', { hasText: "Farah" }).waitFor({ timeout: 20_000 });
    // The observer hears everyone; hidden, it is not shown to the customer, who is told the count.
    await customerPage.getByText("1 person from our team is also listening, without being shown.").waitFor();
    expect(await customerPage.locator(`li[data-identity="${agentIdentity}"]`).count()).toBe(0);
    await shot(customerPage, "customer-in-room");
    await shot(facilitator, "facilitator-in-room");
  });

  it("measures the time from clicking join to the first decoded audio", async () => {
    for (let run = 0; run < 5; run++) {
      await customerPage.getByRole("button", { name: "Leave" }).click();
      await customerPage.locator('[data-phase="disconnected"]').waitFor();
      const ms = await customerPage.evaluate(async () => {
        const w = window as unknown as { __pcs: RTCPeerConnection[] };
        const before = w.__pcs.length;
        const button = [...document.querySelectorAll("button")].find(
          (b) => b.textContent === "Join the session",
        );
        const t0 = performance.now();
        button?.click();
        for (;;) {
          for (const pc of w.__pcs.slice(before)) {
            let decoded = 0;
            (await pc.getStats()).forEach((s) => {
              if (s.type === "inbound-rtp" && s.kind === "audio")
                decoded += (s.totalSamplesReceived ?? 0) - (s.concealedSamples ?? 0);
            });
            if (decoded > 0) return performance.now() - t0;
          }
          if (performance.now() - t0 > 30_000) return -1;
          await new Promise((r) => setTimeout(r, 10));
        }
      });
      expect(ms).toBeGreaterThan(0);
      joinToAudioMs.push(Math.round(ms));
      await joined(customerPage);
    }
    const sorted = [...joinToAudioMs].sort((a, b) => a - b);
    console.log(`[room] join → first decoded audio, ms: ${joinToAudioMs.join(", ")}; median ${sorted[2]}`);
  });

  it("runs the question queue and notes live; a reload restores them", async () => {
    await agent.getByLabel("Question for the guests").fill(QUESTION);
    await agent.getByRole("button", { name: "Submit question" }).click();
    await facilitator.getByText(QUESTION).waitFor(); // arrived as a staff-only data message
    await facilitator.getByLabel("Question for the guests").fill(DUPLICATE);
    await facilitator.getByRole("button", { name: "Submit question" }).click();
    await agent.getByText(DUPLICATE).waitFor();
    const dup = agent.locator("li", { hasText: DUPLICATE });
    await dup.getByRole("button", { name: "Up-vote" }).click();
    await facilitator.locator("li", { hasText: DUPLICATE }).getByText("2 votes").waitFor();
    // The facilitator merges the duplicate, approves and marks asked; the agent sees each change.
    const dupId = await facilitator
      .getByLabel(`Merge “${QUESTION}” into`)
      .locator("option", { hasText: DUPLICATE })
      .getAttribute("value");
    expect(dupId).toBeTruthy();
    const mergeBox = facilitator.getByLabel(`Merge “${DUPLICATE}” into`);
    await mergeBox.selectOption({ label: QUESTION });
    await agent.locator("summary", { hasText: "Merged and dismissed (1)" }).waitFor();
    const kept = facilitator.locator("li", { hasText: QUESTION });
    await kept.getByText("2 votes").waitFor(); // the duplicate's voters moved over
    await kept.getByRole("button", { name: "Approve" }).click();
    await agent
      .locator("li", { hasText: QUESTION })
      .getByText(/votes, approved$/)
      .waitFor();
    await kept.getByRole("button", { name: "Mark asked" }).click();
    await agent
      .locator("li", { hasText: QUESTION })
      .getByText(/votes, asked$/)
      .waitFor();
    // The agent cannot run the queue.
    expect(await agent.getByRole("button", { name: "Approve" }).count()).toBe(0);

    // A note by keyboard: Alt+N, type, Ctrl+Enter.
    await agent.keyboard.press("Alt+n");
    await agent.keyboard.type(NOTE);
    await agent.getByLabel("Seconds into the session").fill("125");
    await agent.getByLabel("Emotion").selectOption("frustrated");
    await agent.getByLabel("First or repeat contact").selectOption("repeat");
    await agent.getByLabel("Department that caused it").selectOption({ index: 1 });
    await agent.getByLabel(/^Customer/).selectOption({ label: "Lan Nguyen" });
    const codes = agent.locator('input[name="reasonCodeIds"]');
    await codes.nth(0).check();
    await codes.nth(2).check();
    await agent.getByLabel(/Quote or summary/).press("Control+Enter");
    const noteRow = facilitator.locator("li", { hasText: NOTE });
    await noteRow.waitFor();
    await noteRow.getByText("2:05").waitFor();
    await noteRow.getByText(/frustrated, repeat contact/).waitFor();

    await facilitator.reload();
    await facilitator
      .locator("li", { hasText: QUESTION })
      .getByText(/votes, asked$/)
      .waitFor();
    await facilitator.locator("summary", { hasText: "Merged and dismissed (1)" }).waitFor();
    await facilitator
      .locator("li", { hasText: NOTE })
      .getByText(/Lan Nguyen/)
      .waitFor();
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await joined(facilitator);
    await facilitator.locator(`li[data-identity="cust_${invitationId}"]`).waitFor();
    await shot(facilitator, "facilitator-backroom");
  });

  it("shows live captions typed by staff to the customer who opens them", async () => {
    await customerPage.getByRole("button", { name: "Show captions" }).click();
    await customerPage.getByText("Captions typed by our captioner will appear here.").waitFor();
    await agent.getByLabel(/Live captions/).fill("Farah: thank you, Lan. Take your time.");
    await agent.getByRole("button", { name: "Send caption" }).click();
    await customerPage
      .locator("[data-captions]")
      .getByText("Farah: thank you, Lan. Take your time.")
      .waitFor();
    await shot(customerPage, "customer-captions");
    expect(await axeViolations(customerPage)).toEqual([]);
  });

  it("gives the observer the floor and takes it back", async () => {
    expect(await agent.getByRole("button", { name: "Turn microphone on" }).count()).toBe(0);
    await facilitator.getByRole("button", { name: "Give Amira Agent the floor" }).click();
    await agent.getByRole("button", { name: "Turn microphone on" }).click();
    await agent.getByRole("button", { name: "Turn microphone off" }).waitFor();
    // Now speaking, the agent is visible to the customer.
    await customerPage.locator(`li[data-identity="${agentIdentity}"]`).waitFor();
    await customerPage.locator("[data-hidden-listeners]").waitFor({ state: "detached" });
    await shot(facilitator, "facilitator-floor-given");
    await facilitator.getByRole("button", { name: "Take back the floor from Amira Agent" }).click();
    await agent.getByRole("button", { name: /Turn microphone/ }).waitFor({ state: "detached" });
    await customerPage.locator(`li[data-identity="${agentIdentity}"]`).waitFor({ state: "detached" });
    await customerPage.locator('[data-hidden-listeners="1"]').waitFor();
  });

  it("mutes the customer, warns twice privately, removes, and refuses a rejoin", async () => {
    const guest = facilitator.locator(`li[data-identity="cust_${invitationId}"]`);
    await guest.getByRole("button", { name: "Mute Lan" }).click();
    await guest.getByText("Microphone off").waitFor();
    await customerPage.getByRole("button", { name: "Turn microphone on" }).waitFor();

    await guest.getByLabel("Reason for Lan").selectOption("interrupting");
    expect(await guest.getByRole("button", { name: "Remove Lan" }).isDisabled()).toBe(true);
    await guest.getByRole("button", { name: "Warning 1" }).click();
    const notice = customerPage.locator("[data-notice]");
    await customerPage.locator('[data-notice="warning_1"]').waitFor();
    expect(await notice.textContent()).toMatch(/respectful/);
    await shot(customerPage, "customer-warning-1");
    expect(await axeViolations(customerPage)).toEqual([]);
    await guest.getByRole("button", { name: "Warning 2 (states the consequence)" }).click();
    await customerPage.locator('[data-notice="warning_2"]').waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).toMatch(/end your place in this session/);
    expect(text.toLowerCase()).not.toContain("calm");
    // Nobody else got the warning: the observer's and the facilitator's pages show no notice.
    expect(await agent.locator("[data-notice]").count()).toBe(0);
    // The warning is still there after a reload (it was saved before it was sent).
    await customerPage.reload();
    await customerPage.locator('[data-notice="warning_2"]').waitFor();
    await customerPage.getByRole("button", { name: "Join the session" }).click();
    await joined(customerPage);
    await guest.getByRole("button", { name: "Remove Lan" }).waitFor();
    await facilitator.locator("li", { hasText: "Lan" }).getByRole("button", { name: "Remove Lan" }).click();
    await facilitator.getByRole("dialog").getByRole("button", { name: "Yes, remove" }).click();
    await customerPage.locator('[data-notice="removal"]').waitFor();
    await customerPage.locator('[data-phase="removed"]').waitFor({ state: "attached" });
    await facilitator.locator(`li[data-identity="cust_${invitationId}"]`).waitFor({ state: "detached" });
    await facilitator
      .getByRole("list", { name: "Moderation log" })
      .getByText(/Removed for Lan Nguyen/)
      .waitFor();
    await shot(customerPage, "customer-removed");
    expect(await axeViolations(customerPage)).toEqual([]);
    // No new token, and after a reload the page says why instead of offering to join.
    const res = await customerPage.request.post(`${app.url}/api/livekit/token`, { data: { sessionId } });
    expect(res.status()).toBe(404);
    await customerPage.reload();
    await customerPage.locator('[data-notice="removal"]').waitFor();
    expect(await customerPage.getByRole("button", { name: "Join the session" }).count()).toBe(0);
  });

  it("never delivered backroom data to the customer's browser, only its own notices", async () => {
    const all = customerReceived.join("\n");
    expect(all).toContain('"step":"warning_1"'); // the recorder works: the private notices arrived
    for (const secret of [
      QUESTION,
      DUPLICATE,
      NOTE,
      '"type":"question"',
      '"type":"note"',
      '"type":"floor"',
      "actedByName",
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toContain('"type":"moderation","entry"');
  });

  it("records attendance and status from the app's webhook endpoint", async () => {
    await app.livekit.drainWebhooks();
    const s = await app.db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    expect(s?.status).toBe("live");
    const ended = async () => {
      const rows = await app.db
        .select()
        .from(roomAttendance)
        .where(and(eq(roomAttendance.sessionId, sessionId), eq(roomAttendance.invitationId, invitationId)));
      return rows.filter((r) => r.joinedAt && r.leftAt && (r.durationSeconds ?? -1) >= 0).length;
    };
    // The first join, five timed rejoins and the one after the reload: seven connections, all ended.
    await expect.poll(ended, { timeout: 30_000 }).toBe(7);
    const inv = await app.db.query.invitations.findFirst({ where: eq(invitations.id, invitationId) });
    expect(inv?.status).toBe("attended");
    expect(inv?.removedFromRoomAt).toBeInstanceOf(Date);
    expect(roomName).toMatch(/^im_/);
  });
});
