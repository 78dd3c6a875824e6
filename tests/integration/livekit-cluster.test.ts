// Two real LiveKit nodes sharing one Redis, on loopback, as a self-hosted cluster runs: the app
// (configured with node A's URL) joins rooms held by either node, from either node, and its
// RoomService calls and the webhooks work whichever node holds the room. Real server only
// (LIVEKIT_TEST_SERVER=real): the development server is a single node.
import "../support/room-test-env";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { RoomServiceClient } from "livekit-server-sdk";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/livekit/webhook/route";
import { db } from "@/db";
import { roomAttendance, sessions } from "@/db/schema";
import { env } from "@/env";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import { startTestRedis, type TestRedis } from "../support/redis";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import { livekitCredentials, livekitKind, startTestLivekit, type TestLivekit } from "../support/test-livekit";

type Staff = Awaited<ReturnType<typeof seededDb>>;

describe.runIf(livekitKind() === "real")("a two-node LiveKit cluster sharing Redis", () => {
  let staff: Staff;
  let redis: TestRedis;
  let nodeA: TestLivekit;
  let nodeB: TestLivekit;
  let hookServer: Server;
  const statuses: number[] = [];
  const joined: NodeParticipant[] = [];

  const statusOf = async (sessionId: string) =>
    (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))?.status;
  const roomOf = async (sessionId: string) =>
    (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.roomName;

  async function join(url: string, token: string): Promise<NodeParticipant> {
    const p = await NodeParticipant.connect(url, token);
    joined.push(p);
    await p.waitConnected(20_000);
    return p;
  }

  beforeAll(async () => {
    staff = await seededDb();
    redis = await startTestRedis();
    // Both nodes post to this receiver, which hands each request to the app's route.
    hookServer = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", async () => {
        const headers: Record<string, string> = { "content-type": "application/webhook+json" };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const out = await POST(
          new NextRequest("http://app.test/api/livekit/webhook", { method: "POST", body, headers }),
        );
        statuses.push(out.status);
        res.writeHead(out.status).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", r));
    const webhookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`;
    // Node A is the app's LIVEKIT_URL; node B is another node of the same cluster.
    const cluster = { webhookUrl, redisAddress: redis.address, logLevel: "info" as const };
    nodeA = await startRoomLivekit(cluster);
    nodeB = await startTestLivekit({
      ...cluster,
      ...livekitCredentials.real,
      departureTimeout: 1,
      emptyTimeout: 5,
    });
  });

  afterAll(async () => {
    for (const p of joined) await p.leave().catch(() => {});
    await nodeB?.close();
    await nodeA?.close();
    await redis?.close();
    await new Promise((r) => hookServer?.close(r));
  });

  it("joins rooms held by either node through either node; RoomService and webhooks follow the room", async () => {
    const [idA, idB] = [nodeA.nodeId(), nodeB.nodeId()];
    expect(idA).toMatch(/^ND_/);
    expect(idB).toMatch(/^ND_/);
    expect(idA).not.toBe(idB);
    const onA = await roomSession(staff.facilitator, { customers: 2 });
    const onB = await roomSession(staff.facilitator, { customers: 2 });
    // Place each session's room on a chosen node (CreateRoom's node override), through node A.
    const api = new RoomServiceClient(
      env.LIVEKIT_URL.replace(/^ws/, "http"),
      env.LIVEKIT_API_KEY,
      env.LIVEKIT_API_SECRET,
    );
    await api.createRoom({ name: await roomOf(onA.sessionId), nodeId: idA, emptyTimeout: 60 });
    await api.createRoom({ name: await roomOf(onB.sessionId), nodeId: idB, emptyTimeout: 60 });

    // The app's tokens name node A; the second guest of each session comes in through node B (as
    // a load balancer in front of the cluster would send them). Either way the media session
    // runs on the node that holds the room.
    const hosts: Record<string, string | undefined> = {};
    for (const [session, holder] of [
      [onA, idA],
      [onB, idB],
    ] as const) {
      const first = await mintRoomToken(session.guests[0]!, session.sessionId);
      const second = await mintRoomToken(session.guests[1]!, session.sessionId);
      expect(first.url).toBe(nodeA.url);
      const viaA = await join(first.url, first.token);
      const viaB = await join(nodeB.url, second.token);
      expect(viaA.join.serverInfo?.nodeId).toBe(holder);
      expect(viaB.join.serverInfo?.nodeId).toBe(holder);
      hosts[session.sessionId] = holder;
      // Both guests are in one room, whichever node they came through.
      await expect
        .poll(async () => (await api.listParticipants(first.roomName)).map((p) => p.identity).sort(), {
          timeout: 10_000,
        })
        .toEqual([first.identity, second.identity].sort());
    }
    expect(new Set(Object.values(hosts)).size).toBe(2);

    // Webhooks from both nodes reach the app: both sessions go live.
    await expect.poll(() => statusOf(onA.sessionId), { timeout: 15_000 }).toBe("live");
    await expect.poll(() => statusOf(onB.sessionId), { timeout: 15_000 }).toBe("live");

    // The app's RoomService calls go to node A and reach the room held by node B: a removal
    // disconnects the guest there.
    const removed = joined[3]!;
    await moderateParticipant(staff.facilitator, {
      sessionId: onB.sessionId,
      invitationId: onB.guests[1]!.invitationId,
      step: "removal",
      category: "threat",
    });
    await removed.waitFor((r) => r.message.case === "leave", 15_000);
    const roomB = await roomOf(onB.sessionId);
    await expect
      .poll(async () => (await api.listParticipants(roomB)).map((p) => p.identity), { timeout: 10_000 })
      .toEqual([`cust_${onB.guests[0]!.invitationId}`]);

    // Everyone leaves: each node reports its own participants' departures, and attendance is
    // recorded for both. An emptied room no longer ends its session (only the facilitator, or the
    // scheduled end plus a grace period, does: decision 017), so both stay live.
    for (const p of joined) await p.leave().catch(() => {});
    for (const session of [onA, onB]) {
      await expect
        .poll(
          async () => {
            const rows = await db
              .select()
              .from(roomAttendance)
              .where(eq(roomAttendance.sessionId, session.sessionId));
            return rows.length >= 2 && rows.every((r) => r.leftAt instanceof Date);
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    }
    await nodeA.drainWebhooks();
    await nodeB.drainWebhooks();
    expect(await statusOf(onA.sessionId)).toBe("live");
    expect(await statusOf(onB.sessionId)).toBe("live");
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
  }, 120_000); // two real nodes, four joins, a removal and every departure, on a shared machine
});
