// The contract between the unmodified livekit-client (real Chromium, fake camera and microphone,
// default room options) and the development server: the proof list of issue 3.
import { RoomServiceClient } from "livekit-server-sdk";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/chromium";
import { livekitKind, livekitName, startTestLivekit, type TestLivekit } from "../../support/test-livekit";
import {
  BrowserParticipant,
  type MediaSeen,
  mintToken,
  type PageServer,
  type PublishedLocal,
  startPageServer,
  waitFor,
} from "./harness";

const room = "contract";
const kind = livekitKind();
let lk: TestLivekit;
let api: RoomServiceClient;
let pages: PageServer;
let browser: Browser;
let alice: BrowserParticipant;
let bob: BrowserParticipant;
let observer: BrowserParticipant;
let alicePublished: PublishedLocal[];
const opened: BrowserParticipant[] = [];

async function open(identity: string): Promise<BrowserParticipant> {
  const participant = await BrowserParticipant.open(browser, pages.url, identity);
  opened.push(participant);
  return participant;
}

const decodesBoth = (seen: MediaSeen | undefined) => !!seen && seen.audioSamples > 0 && seen.videoFrames > 0;

beforeAll(async () => {
  lk = await startTestLivekit();
  api = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  pages = await startPageServer();
  browser = await launchChromium();
  [alice, bob, observer] = await Promise.all([open("alice"), open("bob"), open("observer")]);
  await alice.join(lk.url, await mintToken(lk, "alice", { room }));
  alicePublished = await alice.publish();
  await bob.join(lk.url, await mintToken(lk, "bob", { room }));
  await bob.publish();
  // The app's observer role: listen-only and hidden.
  await observer.join(lk.url, await mintToken(lk, "observer", { room, canPublish: false, hidden: true }));
});

afterAll(async () => {
  for (const p of opened) await p.close().catch(() => {});
  await browser?.close();
  await pages?.close();
  await lk?.close();
});

describe(`livekit-client against ${livekitName(kind)}`, () => {
  it("lets every subscriber decode the others' audio and video", async () => {
    const [a, b, o] = await Promise.all([
      waitFor(
        () => alice.media(),
        (m) => decodesBoth(m.bob),
        30_000,
        "alice decoding bob",
      ),
      waitFor(
        () => bob.media(),
        (m) => decodesBoth(m.alice),
        30_000,
        "bob decoding alice",
      ),
      waitFor(
        () => observer.media(),
        (m) => decodesBoth(m.alice) && decodesBoth(m.bob),
        30_000,
        "observer decoding both",
      ),
    ]);
    expect(a.bob?.audioSamples).toBeGreaterThan(0);
    expect(a.bob?.videoFrames).toBeGreaterThan(0);
    expect(b.alice?.audioSamples).toBeGreaterThan(0);
    expect(b.alice?.videoFrames).toBeGreaterThan(0);
    expect(o.alice?.videoFrames).toBeGreaterThan(0);
    expect(o.bob?.audioSamples).toBeGreaterThan(0);
  });

  it("keeps the hidden observer invisible to the others", async () => {
    expect(await alice.remoteIdentities()).toEqual(["bob"]);
    expect(await bob.remoteIdentities()).toEqual(["alice"]);
    expect(await observer.remoteIdentities()).toEqual(["alice", "bob"]);
    // The room's own count includes the hidden observer, as LiveKit counts (refreshed within 5 s).
    await expect
      .poll(async () => (await api.listRooms([room]))[0]?.numParticipants, { timeout: 10_000 })
      .toBe(3);
  });

  it("refuses a publish attempt by the observer", async () => {
    const attempt = await observer.tryPublish();
    expect(attempt.ok).toBe(false);
    expect(attempt.error).toMatch(/permission|not allowed|publish/i);
    expect((await api.getParticipant(room, "observer")).tracks).toEqual([]);
  });

  it("delivers data messages to exactly their destinations", async () => {
    await alice.sendData("alice-to-bob", { destinations: ["bob"], topic: "direct" });
    await bob.sendData("bob-to-all", { topic: "broadcast" });
    await bob.sendData("bob-lossy", { topic: "broadcast", reliable: false });
    // The observer has no canPublishData (it follows canPublish), so this must go nowhere.
    await observer.sendData("observer-to-all");
    const texts = async (p: BrowserParticipant) =>
      (await p.snapshot()).received.map((r) => `${r.from}:${r.text}`);
    await waitFor(
      () => texts(bob),
      (t) => t.includes("alice:alice-to-bob"),
      10_000,
      "bob's direct message",
    );
    await waitFor(
      () => texts(alice),
      (t) => t.includes("bob:bob-to-all"),
      10_000,
      "alice's broadcast",
    );
    await waitFor(
      () => texts(observer),
      (t) => t.includes("bob:bob-to-all"),
      10_000,
      "observer's broadcast",
    );
    await new Promise((r) => setTimeout(r, 1000));
    const [a, b, o] = await Promise.all([texts(alice), texts(bob), texts(observer)]);
    expect(b).toContain("alice:alice-to-bob");
    expect(a).not.toContain("alice:alice-to-bob");
    expect(o).not.toContain("alice:alice-to-bob");
    expect(a.filter((t) => t.endsWith("observer-to-all"))).toEqual([]);
    expect(b.filter((t) => t.endsWith("observer-to-all"))).toEqual([]);
    expect((await bob.snapshot()).received.find((r) => r.text === "alice-to-bob")?.topic).toBe("direct");
  });

  it("lets a participant who joins late decode video", async () => {
    const carol = await open("carol");
    await carol.join(lk.url, await mintToken(lk, "carol", { room, canPublish: false }));
    const seen = await waitFor(
      () => carol.media(),
      (m) => decodesBoth(m.alice) && decodesBoth(m.bob),
      30_000,
      "carol decoding alice and bob",
    );
    expect(seen.alice?.videoFrames).toBeGreaterThan(0);
    expect(seen.bob?.videoFrames).toBeGreaterThan(0);
    // LiveKit announces a participant who does not publish in batches (every 3 s), not at once.
    const others = await waitFor(
      () => alice.remoteIdentities(),
      (ids) => ids.includes("carol"),
      15_000,
      "alice seeing carol",
    );
    expect(others).toEqual(["bob", "carol"]);
  });

  // The development server's own recovery path (werift gives up on a starved transport); the real
  // server has no such hook to pull.
  it.skipIf(kind === "real")(
    "brings back a participant whose server-side transport failed (leave with RECONNECT)",
    async () => {
      const server = lk.dev?.registry.get(room);
      const oldBob = server?.byIdentity("bob");
      expect(oldBob).toBeDefined();
      if (!server || !oldBob) return;
      server.onMediaFailed(oldBob);
      const back = await waitFor(
        async () => server.byIdentity("bob"),
        (p) => p !== undefined && p.sid !== oldBob.sid && p.tracks.size === 2,
        30_000,
        "bob rejoining and republishing",
      );
      expect(back?.sid).not.toBe(oldBob.sid);
      const seen = await waitFor(
        () => alice.media(),
        (m) => decodesBoth(m.bob),
        30_000,
        "alice decoding bob again",
      );
      expect(seen.bob?.videoFrames).toBeGreaterThan(0);
    },
  );

  // Known gap, kept visible on purpose (see livekit-dev/README.md): with the client's default
  // simulcast, the development server forwards one layer only, the lowest; LiveKit moves a
  // subscriber up to the full-size layer as its bandwidth estimate allows (quickly on loopback).
  const simulcastTitle =
    kind === "real"
      ? "forwards the full-size simulcast layer once bandwidth allows"
      : "forwards only the lowest simulcast layer (documented gap vs LiveKit)";
  it(simulcastTitle, async () => {
    const captureWidth = alicePublished.find((t) => t.kind === "video")?.width ?? 0;
    expect(captureWidth).toBeGreaterThan(0);
    if (kind === "real") {
      const seen = await waitFor(
        () => bob.media(),
        (m) => (m.alice?.videoWidth ?? 0) > captureWidth / 2,
        45_000,
        "the full-size layer",
      );
      expect(seen.alice?.videoWidth).toBe(captureWidth);
      return;
    }
    const seen = await waitFor(
      () => bob.media(),
      (m) => (m.alice?.videoWidth ?? 0) > 0,
      10_000,
      "frame width",
    );
    expect(seen.alice?.videoWidth).toBeLessThanOrEqual(captureWidth / 2);
  });
});
