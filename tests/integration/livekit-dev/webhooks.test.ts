// Webhooks from the LiveKit server under test (development or real, LIVEKIT_TEST_SERVER) arrive in
// LiveKit's order, and livekit-server-sdk's WebhookReceiver (what the app uses) accepts each one
// and rejects a tampered one.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AccessToken, RoomServiceClient, WebhookReceiver } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { livekitName, startTestLivekit, type TestLivekit } from "../../support/test-livekit";
import { NodeParticipant } from "./node-participant";

interface Delivery {
  body: string;
  auth: string | undefined;
  contentType: string | undefined;
}

let lk: TestLivekit;
let receiverServer: Server;
const deliveries: Delivery[] = [];

async function token(identity: string, room: string): Promise<string> {
  const at = new AccessToken(lk.apiKey, lk.apiSecret, { identity, ttl: "5m" });
  at.addGrant({ roomJoin: true, room });
  return at.toJwt();
}

/** Verified events of one room, in arrival order. */
async function eventsOf(room: string): Promise<string[]> {
  const receiver = new WebhookReceiver(lk.apiKey, lk.apiSecret);
  const out: string[] = [];
  for (const d of deliveries) {
    const event = await receiver.receive(d.body, d.auth);
    if (event.room?.name === room) out.push(event.event);
  }
  return out;
}

async function waitForEvents(room: string, count: number, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await eventsOf(room);
    if (events.length >= count || Date.now() > deadline) return events;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  receiverServer = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      deliveries.push({ body, auth: req.headers.authorization, contentType: req.headers["content-type"] });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiverServer.listen(0, "127.0.0.1", resolve));
  const { port } = receiverServer.address() as AddressInfo;
  lk = await startTestLivekit({
    webhookUrl: `http://127.0.0.1:${port}/webhook`,
    emptyTimeout: 1,
    departureTimeout: 1,
  });
});

afterAll(async () => {
  await lk?.close();
  await new Promise((resolve) => receiverServer?.close(resolve));
});

describe(`webhooks from ${livekitName()}`, () => {
  it("sends a participant's lifecycle in order, each verified by WebhookReceiver", async () => {
    const alice = await NodeParticipant.connect(lk.url, await token("alice", "hooks"));
    await alice.waitConnected();
    const trackSid = await alice.publishAudio();
    expect(trackSid).toMatch(/^TR_/);
    await waitForEvents("hooks", 3);
    await alice.unpublishAudio();
    await waitForEvents("hooks", 4);
    await alice.leave();
    const events = await waitForEvents("hooks", 6);
    expect(events).toEqual([
      "room_started",
      "participant_joined",
      "track_published",
      "track_unpublished",
      "participant_left",
      "room_finished",
    ]);
    const receiver = new WebhookReceiver(lk.apiKey, lk.apiSecret);
    const published = [];
    for (const d of deliveries) published.push(await receiver.receive(d.body, d.auth));
    const trackEvent = published.find((e) => e.event === "track_published");
    expect(trackEvent?.participant?.identity).toBe("alice");
    expect(trackEvent?.track?.sid).toBe(trackSid);
    expect(deliveries.every((d) => d.contentType === "application/webhook+json")).toBe(true);
    expect(deliveries.every((d) => d.auth && !d.auth.startsWith("Bearer"))).toBe(true);
  });

  it("finishes a room nobody joined after the empty timeout, and a deleted room at once", async () => {
    const api = new RoomServiceClient(lk.url, lk.apiKey, lk.apiSecret);
    await api.createRoom({ name: "never-joined" });
    expect(await waitForEvents("never-joined", 2, 5_000)).toEqual(["room_started", "room_finished"]);
    await api.createRoom({ name: "deleted", emptyTimeout: 600 });
    await api.deleteRoom("deleted");
    expect(await waitForEvents("deleted", 2, 2_000)).toEqual(["room_started", "room_finished"]);
  });

  it("rejects a tampered body and a wrong secret", async () => {
    const original = deliveries.find((d) => d.body.includes("participant_joined"));
    expect(original).toBeDefined();
    if (!original) return;
    const receiver = new WebhookReceiver(lk.apiKey, lk.apiSecret);
    await expect(receiver.receive(original.body, original.auth)).resolves.toMatchObject({
      event: "participant_joined",
    });
    const tampered = original.body.replace('"alice"', '"mallory"');
    expect(tampered).not.toBe(original.body);
    await expect(receiver.receive(tampered, original.auth)).rejects.toThrow(/sha256/);
    const wrongSecret = new WebhookReceiver(lk.apiKey, "y".repeat(40));
    await expect(wrongSecret.receive(original.body, original.auth)).rejects.toThrow();
  });
});
