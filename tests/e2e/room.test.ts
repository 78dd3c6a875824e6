// The live listening room in real Chromium against the production build and the LiveKit
// development server: a customer, the facilitator and a hidden observer in one room; join-to-audio
// timing; the backroom (question queue, notes) surviving a reload and never reaching the customer;
// floor grant (the person told and asked to turn the microphone on) and revoke; tiles with video,
// self view and the camera toggle; no ghost video after leaving and joining again; a staff member's
// forged warning ignored by the customer's page; the moderation ladder to removal, its category
// kept across the customer's reconnect; attendance from the app's own webhook endpoint; and the
// ended state for everyone when the facilitator ends the session.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitations, moderationEvents, roomAttendance, sessionStaff, sessions, users } from "@/db/schema";
import { axeViolations } from "../support/axe";
import { bookGuest, journey } from "../support/journey";
import { inboundMedia, installRoomProbe } from "../support/room-probe";
import { BrowserParticipant, mintToken, type PageServer, startPageServer } from "./livekit-dev/harness";

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
let adminIdentity = "";
let lanCustomerId = "";
let facilitatorId = "";
/** A second guest, on a phone, who stays to the end. */
let minhLink = "";
let minhInvitationId = "";
let minh: Page;
let pages: PageServer;
let customerPage: Page;
let facilitator: Page;
let agent: Page;
const joinToAudioMs: number[] = [];

const { app, browser, newPage: openPage, signInAs } = journey();

/** A page with the room probe; `record` keeps every data message it receives. */
const newPage = (opts: { record?: boolean } = {}) =>
  openPage({ width: 1200, height: 900 }, (ctx) =>
    installRoomProbe(ctx, opts.record ? (text) => customerReceived.push(text) : undefined),
  );

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Video elements that are not inside a person's tile: every one of them would be a ghost. */
const videosOutsideTiles = (page: Page) =>
  page.evaluate(
    () => [...document.querySelectorAll("video")].filter((v) => !v.closest("li[data-identity]")).length,
  );

const joined = (page: Page) => page.locator('[data-phase="connected"]').waitFor({ timeout: 45_000 });

beforeAll(async () => {
  const farah = await app.db.query.users.findFirst({
    where: eq(users.email, "facilitator@northwind.example"),
  });
  const amira = await app.db.query.users.findFirst({ where: eq(users.email, "agent@northwind.example") });
  const admin = await app.db.query.users.findFirst({ where: eq(users.role, "admin") });
  adminIdentity = `staff_${admin!.id}`;
  pages = await startPageServer();
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
  const lan = await bookGuest(app, sessionId, { name: "Lan Nguyen", email: "lan.room.e2e@example.com" });
  invitationId = lan.invitationId;
  lanCustomerId = lan.customerId;
  facilitatorId = farah!.id;
  const minhGuest = await bookGuest(app, sessionId, {
    name: "Minh Tran",
    email: "minh.room.e2e@example.com",
  });
  minhInvitationId = minhGuest.invitationId;
  minhLink = minhGuest.link;
  customerPage = await newPage({ record: true });
  await customerPage.goto(lan.link);
  await customerPage.waitForURL(/\/invite$/);
});

afterAll(async () => {
  await pages?.close();
});

describe("the live room", () => {
  it("customer, facilitator and a hidden observer share one room; media is decoded both ways", async () => {
    facilitator = await newPage();
    await signInAs(facilitator, "Farah Facilitator");
    await facilitator.goto(`${app.url}/sessions/${sessionId}/room`);
    expect(await facilitator.locator("[data-session-status]").getAttribute("data-session-status")).toBe(
      "scheduled",
    );
    await facilitator.getByRole("button", { name: "Join the room" }).click();
    await joined(facilitator);
    // The first person in starts the session (LiveKit's room_started): the badge and the buttons
    // follow without a reload.
    await facilitator.locator('[data-session-status="live"]').waitFor();
    expect(await facilitator.getByRole("button", { name: "Start session" }).count()).toBe(0);

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
    // Tiles: the customer sees themself (camera on), the facilitator sees the customer's picture
    // inside the customer's tile, with name and role on it.
    const lanOnFacilitator = facilitator.locator(`li[data-identity="cust_${invitationId}"]`);
    await customerPage.locator(`li[data-identity="cust_${invitationId}"] video`).waitFor();
    await lanOnFacilitator.locator("video").waitFor();
    await customerPage.locator("li", { hasText: "Farah" }).getByText("Host").waitFor();
    await shot(customerPage, "customer-in-room");
    await shot(facilitator, "facilitator-in-room");
    // The camera toggle: off removes the picture on both sides, on brings it back.
    await customerPage.getByRole("button", { name: "Turn camera off" }).click();
    await lanOnFacilitator.locator("video").waitFor({ state: "detached" });
    await customerPage
      .locator(`li[data-identity="cust_${invitationId}"] video`)
      .waitFor({ state: "detached" });
    await customerPage.getByRole("button", { name: "Turn camera on" }).click();
    await lanOnFacilitator.locator("video").waitFor();
    // Device switching is offered in the room.
    await customerPage.getByRole("button", { name: "Microphone and camera" }).click();
    await customerPage.locator("#room-devices").getByLabel("Microphone").waitFor();
    await customerPage.getByRole("button", { name: "Microphone and camera" }).click();
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
    // Five leaves and joins later, the facilitator's page shows one picture of Lan, in her tile,
    // and no video element anywhere else (no ghost boxes from the earlier connections).
    await facilitator.locator(`li[data-identity="cust_${invitationId}"] video`).waitFor();
    await expect.poll(() => videosOutsideTiles(facilitator)).toBe(0);
    expect(await facilitator.locator("video").count()).toBe(1);
    // Her audio track may be subscribed a moment after her video (seen on the real server).
    await expect.poll(() => facilitator.locator("audio").count()).toBe(1);
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
    // Need-to-know: the agent (an observer on the list) sees the guests under pseudonyms only.
    const lanAsGuest = `Guest ${lanCustomerId.slice(0, 4).toUpperCase()}`;
    expect(
      await agent
        .getByLabel(/^Customer/)
        .locator("option", { hasText: "Lan Nguyen" })
        .count(),
    ).toBe(0);
    await agent.getByLabel(/^Customer/).selectOption({ label: lanAsGuest });
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
    // The agent is told, and asked to turn the microphone on (it stays off until they do).
    const cue = agent.locator('[data-floor="given"]');
    await cue.getByText("You have the floor").waitFor();
    await facilitator.getByText("asked to turn their microphone on").waitFor();
    await shot(agent, "agent-floor-cue");
    await cue.getByRole("button", { name: "Turn microphone on" }).click();
    await cue.waitFor({ state: "detached" });
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

  it("ignores a warning forged by a staff member's browser", async () => {
    // A staff identity with data rights the app never grants (as if the grants were loosened):
    // its packet reaches the customer's browser, and the page must not show it as a notice.
    const forger = await BrowserParticipant.open(browser(), pages.url, adminIdentity);
    const token = await mintToken(app.livekit, adminIdentity, {
      room: roomName,
      canPublish: false,
      canPublishData: true,
      canSubscribe: true,
    });
    await forger.join(app.livekitUrl, token);
    const forged = '{"type":"moderation","step":"removal"}';
    await forger.sendData(forged, { topic: "notice", destinations: [`cust_${invitationId}`] });
    await expect.poll(() => customerReceived.some((t) => t.includes('"step":"removal"'))).toBe(true);
    // A caption from the server after it: once it shows, the forged packet has been handled.
    await agent.getByLabel(/Live captions/).fill("Farah: we will take a short pause.");
    await agent.getByRole("button", { name: "Send caption" }).click();
    await customerPage.locator("[data-captions]").getByText("Farah: we will take a short pause.").waitFor();
    expect(await customerPage.locator("[data-notice]").count()).toBe(0);
    expect(await customerPage.locator('[data-phase="connected"]').count()).toBe(1);
    await forger.close();
  });

  it("mutes the customer, warns twice privately, removes, and refuses a rejoin", async () => {
    const guest = facilitator.locator(`li[data-identity="cust_${invitationId}"]`);
    await guest.getByRole("button", { name: "Mute Lan" }).click();
    await guest.getByText("Microphone off").waitFor();
    await customerPage.getByRole("button", { name: "Turn microphone on" }).waitFor();

    await guest.getByLabel("Reason for Lan").selectOption("offensive_language");
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
    // Lan's tile went and came back with the reconnect: the reason chosen is still the one shown,
    // and no ghost video stayed behind from the connection before the reload.
    expect(await guest.getByLabel("Reason for Lan").inputValue()).toBe("offensive_language");
    await guest.locator("video").waitFor();
    await expect.poll(() => videosOutsideTiles(facilitator)).toBe(0);
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
    // Every step was logged under the reason chosen before the reconnect.
    const steps = await app.db
      .select()
      .from(moderationEvents)
      .where(eq(moderationEvents.invitationId, invitationId));
    expect(steps.map((e) => [e.step, e.category]).sort()).toEqual([
      ["removal", "offensive_language"],
      ["warning_1", "offensive_language"],
      ["warning_2", "offensive_language"],
    ]);
    expect(await videosOutsideTiles(facilitator)).toBe(0);
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
    const rows = () =>
      app.db
        .select()
        .from(roomAttendance)
        .where(and(eq(roomAttendance.sessionId, sessionId), eq(roomAttendance.invitationId, invitationId)));
    const ended = (r: Awaited<ReturnType<typeof rows>>) =>
      r.filter((x) => x.joinedAt && x.leftAt && (x.durationSeconds ?? -1) >= 0).length;
    // The first join, five timed rejoins and the one after the reload: at least seven connections
    // (a loaded machine may add a full reconnect of its own), every one of them ended.
    await expect
      .poll(
        async () => {
          const r = await rows();
          return r.length >= 7 && ended(r) === r.length;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const inv = await app.db.query.invitations.findFirst({ where: eq(invitations.id, invitationId) });
    expect(inv?.status).toBe("attended");
    expect(inv?.removedFromRoomAt).toBeInstanceOf(Date);
    expect(roomName).toMatch(/^im_/);
  });

  it("shows everyone the ended state when the facilitator ends the session", async () => {
    minh = await openPage({ width: 360, height: 740 }, (ctx) => installRoomProbe(ctx));
    await minh.goto(minhLink);
    await minh.waitForURL(/\/invite$/);
    await minh.goto(`${app.url}/invite/room`);
    await minh.getByRole("button", { name: "Join the session" }).click();
    await joined(minh);
    await minh.locator(`li[data-identity="cust_${minhInvitationId}"] video`).waitFor();
    await shot(minh, "phone-customer-in-room");
    expect(await axeViolations(minh)).toEqual([]);
    await facilitator.getByRole("button", { name: "End session and send surveys" }).click();
    await facilitator.getByRole("dialog").getByRole("button", { name: "Yes, end the session" }).click();
    // The customer reads the ending and the word about the survey, never "you have left" + Join.
    await minh.locator('[data-phase="ended"]').waitFor({ state: "attached" });
    await minh.getByText("The session has ended — thank you for taking part.").waitFor();
    await minh.getByText(/short survey/).waitFor();
    expect(await minh.getByRole("button", { name: "Join the session" }).count()).toBe(0);
    expect(await minh.getByText("You have left the room.").count()).toBe(0);
    expect(await minh.locator("video").count()).toBe(0);
    await shot(minh, "phone-customer-ended");
    expect(await axeViolations(minh)).toEqual([]);
    // Staff see it too, and keep the backroom for triage.
    await agent.locator('[data-phase="ended"]').waitFor({ state: "attached" });
    await agent.getByText("The session has ended.").waitFor();
    await agent.getByRole("heading", { name: /Backroom/ }).waitFor();
    await facilitator.getByText("The session has ended.").waitFor();
    await shot(facilitator, "facilitator-ended");
    // After a reload the customer's page still says so.
    await minh.reload();
    await minh.getByText("The session has ended — thank you for taking part.").waitFor();
    expect(await minh.getByRole("button", { name: "Join the session" }).count()).toBe(0);
  });

  it("shows the time in the room on the session page, and the moderation history where the next host looks", async () => {
    await facilitator.goto(`${app.url}/sessions/${sessionId}`);
    const attendance = facilitator.locator("[data-attendance]");
    await attendance.locator("tr", { hasText: "Lan Nguyen" }).waitFor();
    await attendance.locator("tr", { hasText: "Minh Tran" }).waitFor();
    await attendance.locator("tr", { hasText: "Farah Facilitator" }).getByText("(staff)").waitFor();
    await shot(facilitator, "session-attendance");
    // Lan's record shows the warnings and the removal, under the reason chosen.
    await facilitator.goto(`${app.url}/customers/${lanCustomerId}`);
    const history = facilitator.getByRole("list", { name: "Moderation history" });
    await history.getByText(/Removed/).waitFor();
    expect(await history.locator("li").count()).toBe(3);
    expect(await history.getByText(/Offensive language/).count()).toBe(3);
    // Lan's next session: its briefing prepares the facilitator.
    const [next] = await app.db
      .insert(sessions)
      .values({
        title: "Moving home — follow-up",
        startsAt: new Date(Date.now() + 7 * 86400_000),
        timeZone: "Europe/London",
        facilitatorId,
      })
      .returning();
    await app.db
      .insert(sessionStaff)
      .values({ sessionId: next!.id, userId: facilitatorId, roomRole: "facilitator" });
    await app.db.insert(invitations).values({
      sessionId: next!.id,
      customerId: lanCustomerId,
      status: "accepted",
      tokenHash: randomBytes(16).toString("hex"),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
    });
    await facilitator.goto(`${app.url}/sessions/${next!.id}/briefing`);
    await facilitator.getByText("Moderation in earlier sessions").waitFor();
    await facilitator
      .getByRole("list", { name: "Moderation history" })
      .getByText(/Removed/)
      .waitFor();
    await shot(facilitator, "briefing-moderation-history");
  });
});
