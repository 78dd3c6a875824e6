// Every RoomService call the app makes, through the real livekit-server-sdk, against a live room
// of real livekit-client participants in Chromium, checking what the browsers see.
import { DisconnectReason } from "@livekit/protocol";
import { DataPacket_Kind, RoomServiceClient, TwirpError } from "livekit-server-sdk";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../support/chromium";
import { livekitName, startTestLivekit, type TestLivekit } from "../../support/test-livekit";
import { BrowserParticipant, mintToken, type PageServer, startPageServer, waitFor } from "./harness";

const room = "service";
let lk: TestLivekit;
let pages: PageServer;
let browser: Browser;
let api: RoomServiceClient;
let alice: BrowserParticipant;
let observer: BrowserParticipant;
let aliceAudioSid = "";

beforeAll(async () => {
  lk = await startTestLivekit();
  pages = await startPageServer();
  browser = await launchChromium();
  api = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  [alice, observer] = await Promise.all([
    BrowserParticipant.open(browser, pages.url, "alice"),
    BrowserParticipant.open(browser, pages.url, "observer"),
  ]);
});

afterAll(async () => {
  for (const p of [alice, observer]) await p?.close().catch(() => {});
  await browser?.close();
  await pages?.close();
  await lk?.close();
});

describe(`RoomService on ${livekitName()} through livekit-server-sdk`, () => {
  it("creates and lists rooms", async () => {
    const created = await api.createRoom({ name: room, emptyTimeout: 120, metadata: "m0" });
    expect(created.name).toBe(room);
    expect(created.sid).toMatch(/^RM_/);
    expect(created.metadata).toBe("m0");
    const again = await api.createRoom({ name: room });
    expect(again.sid).toBe(created.sid);
    expect((await api.listRooms()).map((r) => r.name)).toEqual([room]);
    expect(await api.listRooms(["nope"])).toEqual([]);
  });

  it("lists and gets participants, hidden ones included", async () => {
    await alice.join(lk.url, await mintToken(lk, "alice", { room }, { name: "Alice" }));
    const published = await alice.publish();
    aliceAudioSid = published.find((t) => t.kind === "audio")?.sid ?? "";
    await observer.join(lk.url, await mintToken(lk, "observer", { room, canPublish: false, hidden: true }));
    const participants = await api.listParticipants(room);
    expect(participants.map((p) => p.identity).sort()).toEqual(["alice", "observer"]);
    const got = await waitFor(
      () => api.getParticipant(room, "alice"),
      (p) => p.tracks.length === 2,
      10_000,
    );
    expect(got.name).toBe("Alice");
    expect(got.tracks.map((t) => t.sid)).toContain(aliceAudioSid);
    await expect(api.getParticipant(room, "nobody")).rejects.toMatchObject({ status: 404 });
  });

  it("updates a participant's name, metadata and attributes, seen by the others", async () => {
    const updated = await api.updateParticipant(room, "alice", {
      name: "Alice L.",
      metadata: '{"role":"customer"}',
      attributes: { seat: "3" },
    });
    expect(updated.name).toBe("Alice L.");
    // LiveKit may send the three changes as separate participant updates: wait for the last.
    const seen = await waitFor(
      () => observer.snapshot(),
      (s) =>
        s.remoteInfo.some(
          (p) =>
            p.identity === "alice" && p.name === "Alice L." && p.attributes.seat === "3" && p.metadata !== "",
        ),
      10_000,
      "observer seeing alice renamed",
    );
    const aliceSeen = seen.remoteInfo.find((p) => p.identity === "alice");
    expect(aliceSeen?.metadata).toBe('{"role":"customer"}');
    expect(aliceSeen?.attributes).toEqual({ seat: "3" });
  });

  it("mutes a published track, and the others see it muted", async () => {
    const track = await api.mutePublishedTrack(room, "alice", aliceAudioSid, true);
    expect(track.muted).toBe(true);
    await waitFor(
      () => observer.snapshot(),
      (s) =>
        !!s.remoteInfo.find((p) => p.identity === "alice")?.tracks.find((t) => t.sid === aliceAudioSid)
          ?.muted,
      10_000,
      "observer seeing alice muted",
    );
    await expect(api.mutePublishedTrack(room, "alice", aliceAudioSid, false)).rejects.toBeInstanceOf(
      TwirpError,
    );
  });

  it("sends data from the server to the chosen participants only", async () => {
    await api.sendData(room, new TextEncoder().encode("to-observer"), DataPacket_Kind.RELIABLE, {
      destinationIdentities: ["observer"],
      topic: "server",
    });
    await api.sendData(room, new TextEncoder().encode("to-all"), DataPacket_Kind.RELIABLE, {
      topic: "server",
    });
    await waitFor(
      () => alice.snapshot(),
      (s) => s.received.some((r) => r.text === "to-all"),
      10_000,
    );
    const o = await waitFor(
      () => observer.snapshot(),
      (s) => s.received.some((r) => r.text === "to-all"),
      10_000,
    );
    expect(o.received.find((r) => r.text === "to-observer")).toMatchObject({ from: null, topic: "server" });
    expect((await alice.snapshot()).received.map((r) => r.text)).not.toContain("to-observer");
  });

  it("updates room metadata for everyone in the room", async () => {
    const updated = await api.updateRoomMetadata(room, "phase-2");
    expect(updated.metadata).toBe("phase-2");
    await waitFor(
      () => alice.snapshot(),
      (s) => s.metadata === "phase-2",
      10_000,
      "alice seeing room metadata",
    );
    await waitFor(
      () => observer.snapshot(),
      (s) => s.metadata === "phase-2",
      10_000,
      "observer seeing room metadata",
    );
  });

  it("grants canPublish to the observer live, and it can then publish", async () => {
    expect((await observer.tryPublish()).ok).toBe(false);
    await api.updateParticipant(room, "observer", {
      permission: { canPublish: true, canSubscribe: true, canPublishData: true },
    });
    await waitFor(
      () => observer.snapshot(),
      (s) => s.canPublish === true,
      10_000,
      "observer's new permission",
    );
    expect((await observer.snapshot()).permissionChanges).toBeGreaterThan(0);
    expect((await observer.tryPublish()).ok).toBe(true);
    // No longer hidden either (the new permission does not say hidden), so alice now hears it.
    const seen = await waitFor(
      () => alice.media(),
      (m) => (m.observer?.audioSamples ?? 0) > 0,
      20_000,
      "alice decoding the promoted observer",
    );
    expect(seen.observer?.audioSamples).toBeGreaterThan(0);
  });

  it("removes a participant, whose browser sees PARTICIPANT_REMOVED", async () => {
    await api.removeParticipant(room, "alice");
    const s = await waitFor(
      () => alice.snapshot(),
      (x) => x.disconnectReason !== undefined,
      10_000,
      "alice removed",
    );
    expect(s.disconnectReason).toBe(DisconnectReason.PARTICIPANT_REMOVED);
    expect((await api.listParticipants(room)).map((p) => p.identity)).toEqual(["observer"]);
  });

  it("deletes the room, disconnecting everyone with ROOM_DELETED", async () => {
    await api.deleteRoom(room);
    const s = await waitFor(
      () => observer.snapshot(),
      (x) => x.disconnectReason !== undefined,
      10_000,
    );
    expect(s.disconnectReason).toBe(DisconnectReason.ROOM_DELETED);
    expect(await api.listRooms()).toEqual([]);
    await expect(api.deleteRoom(room)).rejects.toMatchObject({ status: 404 });
  });

  it("refuses calls without the right grant or with a bad secret", async () => {
    await api.createRoom({ name: "guarded" });
    const wrongSecret = new RoomServiceClient(lk.url, lk.apiKey, "x".repeat(40));
    await expect(wrongSecret.listRooms()).rejects.toMatchObject({ status: 401 });
    // A join token (no roomList/roomAdmin) must not work as an API token.
    const joinToken = await mintToken(lk, "mallory", { room: "guarded" });
    const res = await fetch(`${lk.url.replace("ws", "http")}/twirp/livekit.RoomService/ListParticipants`, {
      method: "POST",
      headers: { Authorization: `Bearer ${joinToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({ room: "guarded" }),
    });
    // LiveKit answers a missing grant as it answers a bad token.
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "unauthenticated", msg: "permissions denied" });
  });
});
