// The app's LiveKit webhook endpoint: signatures checked on the raw body, each event applied once,
// any arrival order ending in the same rows, and real webhooks from the LiveKit server under test
// (development or real, LIVEKIT_TEST_SERVER) driving attendance, status and the removal of an
// identity that has no place in the room.
import "../support/room-test-env";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebhookEvent } from "@livekit/protocol";
import { and, eq, sql } from "drizzle-orm";
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/livekit/webhook/route";
import { db } from "@/db";
import { invitations, jobs, livekitWebhookEvents, roomAttendance, sessions } from "@/db/schema";
import { env } from "@/env";
import { signWebhook } from "@/livekit-dev/webhook-sender";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import { livekitName, type TestLivekit } from "../support/test-livekit";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let lk: TestLivekit;
let hookServer: Server;
const statuses: number[] = [];

async function post(body: string, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/webhook+json" };
  if (authorization) headers.authorization = authorization;
  return POST(new NextRequest("http://app.test/api/livekit/webhook", { method: "POST", body, headers }));
}

const roomOf = async (sessionId: string) =>
  (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.roomName;

function eventBody(fields: Partial<WebhookEvent> & { event: string }): string {
  return new WebhookEvent({
    id: `EV_${crypto.randomUUID()}`,
    createdAt: BigInt(Math.floor(Date.now() / 1000)),
    ...fields,
  }).toJsonString();
}

const sign = (body: string) => signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
const eventCount = async () =>
  (await db.select({ n: sql<number>`count(*)` }).from(livekitWebhookEvents))[0]!.n;

beforeAll(async () => {
  staff = await seededDb();
  // The development server posts to this loopback receiver, which hands each request to the route.
  hookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const out = await post(body, req.headers.authorization);
      statuses.push(out.status);
      res.writeHead(out.status).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", r));
  lk = await startRoomLivekit({
    webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`,
  });
});

afterAll(async () => {
  await lk?.close();
  await new Promise((r) => hookServer?.close(r));
});

describe("webhook signature", () => {
  it("refuses a missing, wrong-secret, altered or expired signature with 401 and writes nothing", async () => {
    const { sessionId } = await roomSession(staff.facilitator);
    const body = eventBody({ event: "room_started", room: { name: await roomOf(sessionId) } as never });
    const before = await eventCount();
    expect((await post(body)).status).toBe(401);
    expect((await post(body, await signWebhook(body, env.LIVEKIT_API_KEY, "x".repeat(40)))).status).toBe(401);
    expect((await post(body.replace("room_started", "room_finished"), await sign(body))).status).toBe(401);
    const expired = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, { ttl: "-1h" });
    expired.sha256 = (await import("node:crypto")).createHash("sha256").update(body).digest("base64");
    expect((await post(body, await expired.toJwt())).status).toBe(401);
    expect(await eventCount()).toBe(before);
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))?.status).toBe(
      "scheduled",
    );
    // The same body, properly signed, is applied.
    expect((await post(body, await sign(body))).status).toBe(200);
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))?.status).toBe("live");
  });
});

describe("idempotency and order", () => {
  it("applies a repeated event once and closes an overdue session once, whatever the order", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator);
    // Past its end and the grace period, so a room_finished with nobody in the room ends it.
    await db
      .update(sessions)
      .set({ startsAt: new Date(Date.now() - 3 * 3600_000) })
      .where(eq(sessions.id, sessionId));
    const room = { name: await roomOf(sessionId) } as never;
    const identity = `cust_${guests[0]!.invitationId}`;
    const t0 = Math.floor(Date.now() / 1000);
    const participant = { sid: "PA_order", identity, joinedAt: BigInt(t0) } as never;
    const joined = eventBody({ event: "participant_joined", room, participant, createdAt: BigInt(t0) });
    const left = eventBody({ event: "participant_left", room, participant, createdAt: BigInt(t0 + 95) });
    const finished = eventBody({ event: "room_finished", room });
    const started = eventBody({ event: "room_started", room });
    // Reordered: the leave and the finish overtake the join and the start; everything twice.
    for (const body of [left, left, finished, joined, finished, joined, started]) {
      const res = await post(body, await sign(body));
      expect(res.status).toBe(200);
    }
    const again = await post(left, await sign(left));
    expect(await again.json()).toEqual({ outcome: "duplicate" });
    const rows = await db.select().from(roomAttendance).where(eq(roomAttendance.sessionId, sessionId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ identity, invitationId: guests[0]!.invitationId, durationSeconds: 95 });
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, guests[0]!.invitationId) });
    expect(inv?.status).toBe("attended");
    const s = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    expect(s?.status).toBe("ended"); // a late room_started does not reopen it
    // A second room_finished with a new id still dispatches surveys only once.
    const finishedAgain = eventBody({ event: "room_finished", room });
    await post(finishedAgain, await sign(finishedAgain));
    const dispatches = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "surveys.dispatch"), eq(jobs.dedupeKey, `surveys.dispatch:${sessionId}`)));
    expect(dispatches).toHaveLength(1);
  });

  it("ignores rooms that are not a session's", async () => {
    const body = eventBody({ event: "room_started", room: { name: "someone-elses-room" } as never });
    expect(await (await post(body, await sign(body))).json()).toEqual({ outcome: "ignored" });
  });
});

describe(`webhooks from ${livekitName()}`, () => {
  it("records attendance, moves the session live and removes an identity with no place in the room", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { customers: 2 });
    const roomName = await roomOf(sessionId);
    const guest = await mintRoomToken(guests[0]!, sessionId);
    const customer = await NodeParticipant.connect(guest.url, guest.token);
    await customer.waitConnected();
    // A token for the right room but an identity our records do not know (a leaked API key, say).
    const at = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, { identity: "intruder" });
    at.addGrant({ roomJoin: true, room: roomName });
    const intruder = await NodeParticipant.connect(guest.url, await at.toJwt());
    await intruder.waitConnected();
    const api = new RoomServiceClient(
      guest.url.replace(/^ws/, "http"),
      env.LIVEKIT_API_KEY,
      env.LIVEKIT_API_SECRET,
    );
    await expect
      .poll(async () => (await api.listParticipants(roomName)).map((p) => p.identity).sort(), {
        timeout: 10_000,
      })
      .toEqual([guest.identity]);
    await expect
      .poll(async () => (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))?.status)
      .toBe("live");
    // A removed guest who reuses a token minted before the removal is put out again.
    const second = await mintRoomToken(guests[1]!, sessionId);
    await moderateParticipant(staff.facilitator, {
      sessionId,
      invitationId: guests[1]!.invitationId,
      step: "removal",
      category: "threat",
    });
    const comeback = await NodeParticipant.connect(second.url, second.token);
    await comeback.waitConnected();
    await expect
      .poll(async () => (await api.listParticipants(roomName)).map((p) => p.identity), { timeout: 10_000 })
      .toEqual([guest.identity]);
    await customer.leave();
    await expect
      .poll(
        async () =>
          (await db.select().from(roomAttendance).where(eq(roomAttendance.sessionId, sessionId)))[0]?.leftAt,
        {
          timeout: 15_000,
        },
      )
      .toBeInstanceOf(Date);
    await lk.drainWebhooks();
    // Everyone left, but within the session's time: it stays open for them to come back.
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))?.status).toBe("live");
    const rows = await db.select().from(roomAttendance).where(eq(roomAttendance.sessionId, sessionId));
    expect(rows.map((r) => r.identity)).toEqual([guest.identity]); // the intruder and the comeback left no trace
    expect(rows[0]?.leftAt).toBeInstanceOf(Date);
    expect(rows[0]?.durationSeconds).toBeGreaterThanOrEqual(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  });
});

describe("a removal that failed", () => {
  it("is done again when LiveKit retries the join (the retry is not taken for a duplicate)", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { customers: 1 });
    const roomName = await roomOf(sessionId);
    const identity = `intruder-${crypto.randomUUID().slice(0, 8)}`;
    const body = eventBody({
      event: "participant_joined",
      room: { name: roomName } as never,
      participant: { identity, sid: `PA_${identity}` } as never,
    });
    // LiveKit is unreachable when the join arrives: the removal fails, the webhook answers 503.
    await lk.close();
    expect((await post(body, await sign(body))).status).toBe(503);
    // Back up (this time without webhooks of its own, so only the retry below can remove anyone).
    lk = await startRoomLivekit();
    const at = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, { identity });
    at.addGrant({ roomJoin: true, room: roomName });
    const intruder = await NodeParticipant.connect(lk.url, await at.toJwt());
    await intruder.waitConnected();
    const api = new RoomServiceClient(
      lk.url.replace(/^ws/, "http"),
      env.LIVEKIT_API_KEY,
      env.LIVEKIT_API_SECRET,
    );
    expect((await api.listParticipants(roomName)).map((p) => p.identity)).toEqual([identity]);
    // LiveKit retries the same event (same id, same signature).
    const retry = await post(body, await sign(body));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: "duplicate" });
    await expect
      .poll(async () => (await api.listParticipants(roomName)).map((p) => p.identity), { timeout: 10_000 })
      .toEqual([]);
  });
});
