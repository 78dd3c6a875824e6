// The room's lifecycle against the LiveKit server under test (development or real,
// LIVEKIT_TEST_SERVER): each room is created with its settings before the first token is used;
// a room finishing never ends a session within its time; past its scheduled end plus the grace
// period, with nobody left in the room, the session ends on its own (the job or the next finish).
import "../support/room-test-env";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { RoomServiceClient } from "livekit-server-sdk";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/livekit/webhook/route";
import { db } from "@/db";
import { auditLog, jobs, sessions } from "@/db/schema";
import { env } from "@/env";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { autoEndIfOver } from "@/server/sessions/auto-end-session";
import { AUTO_END_GRACE_MS, AUTO_END_JOB, autoEndAt } from "@/server/sessions/schedule-auto-end";
import { startSession } from "@/server/sessions/set-session-status";
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import { livekitName, type TestLivekit } from "../support/test-livekit";

let staff: Awaited<ReturnType<typeof seededDb>>;
let lk: TestLivekit;
let hookServer: Server;
let api: RoomServiceClient;

const statusOf = async (sessionId: string) =>
  (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.status;
const roomOf = async (sessionId: string) =>
  (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.roomName;

/** Moves a session's planned time back so that its end plus the grace period is behind us. */
async function overdue(sessionId: string) {
  await db
    .update(sessions)
    .set({ startsAt: new Date(Date.now() - 45 * 60_000 - AUTO_END_GRACE_MS - 60_000) })
    .where(eq(sessions.id, sessionId));
}

beforeAll(async () => {
  staff = await seededDb();
  hookServer = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const headers: Record<string, string> = { "content-type": "application/webhook+json" };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      const out = await POST(
        new NextRequest("http://app.test/api/livekit/webhook", { method: "POST", body, headers }),
      );
      res.writeHead(out.status).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", r));
  lk = await startRoomLivekit({
    webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/`,
  });
  api = new RoomServiceClient(
    env.LIVEKIT_URL.replace(/^ws/, "http"),
    env.LIVEKIT_API_KEY,
    env.LIVEKIT_API_SECRET,
  );
});

afterAll(async () => {
  await lk?.close();
  await new Promise((r) => hookServer?.close(r));
});

describe(`room lifecycle on ${livekitName()}`, () => {
  it("creates the room with its timeouts and a cap fitting the session before anyone joins", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator);
    await mintRoomToken(guests[0]!, sessionId);
    const [room] = await api.listRooms([await roomOf(sessionId)]);
    // 10 seats, the facilitator on the staff list, and a margin of 3.
    expect(room).toMatchObject({ emptyTimeout: 600, departureTimeout: 120, maxParticipants: 14 });
  });

  it("keeps a session live when its room finishes within the session's time", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator);
    const guest = await mintRoomToken(guests[0]!, sessionId);
    const p = await NodeParticipant.connect(guest.url, guest.token);
    await p.waitConnected();
    await expect.poll(() => statusOf(sessionId), { timeout: 10_000 }).toBe("live");
    await p.leave();
    // Everyone dropped; the room closes (here at once) and LiveKit sends room_finished.
    await api.deleteRoom(guest.roomName);
    await lk.drainWebhooks();
    expect(await statusOf(sessionId)).toBe("live");
    // Going live queued the check at the planned end plus the grace period.
    const s = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    const [check] = await db
      .select()
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, AUTO_END_JOB),
          eq(jobs.dedupeKey, `${AUTO_END_JOB}:${sessionId}:${autoEndAt(s!).getTime()}`),
        ),
      );
    expect(check?.runAt.getTime()).toBe(autoEndAt(s!).getTime());
    // The guest comes back to the same session.
    const again = await mintRoomToken(guests[0]!, sessionId);
    const back = await NodeParticipant.connect(again.url, again.token);
    await back.waitConnected();
    await back.leave();
  });

  it("ends an overdue session on the next room_finished once nobody is left", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator);
    const guest = await mintRoomToken(guests[0]!, sessionId);
    const p = await NodeParticipant.connect(guest.url, guest.token);
    await p.waitConnected();
    await expect.poll(() => statusOf(sessionId), { timeout: 10_000 }).toBe("live");
    await overdue(sessionId);
    // The deadline check finds someone still there: the session stays, and is looked at again.
    expect(await autoEndIfOver(sessionId)).toBe("occupied");
    expect(await statusOf(sessionId)).toBe("live");
    await p.leave();
    await expect.poll(async () => (await api.listParticipants(guest.roomName)).length).toBe(0);
    await api.deleteRoom(guest.roomName);
    await lk.drainWebhooks();
    await expect.poll(() => statusOf(sessionId), { timeout: 10_000 }).toBe("ended");
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, sessionId), eq(auditLog.action, "auto_end")));
    expect(audited).toHaveLength(1);
    const surveys = await db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "surveys.dispatch"), eq(jobs.dedupeKey, `surveys.dispatch:${sessionId}`)));
    expect(surveys).toHaveLength(1);
  });

  it("the deadline job ends an overdue session whose room is already gone; not before", async () => {
    const { sessionId } = await roomSession(staff.facilitator);
    await startSession(staff.facilitator, { sessionId });
    expect(await autoEndIfOver(sessionId)).toBe("not_due");
    await overdue(sessionId);
    expect(await autoEndIfOver(sessionId)).toBe("ended");
    expect(await statusOf(sessionId)).toBe("ended");
    expect(await autoEndIfOver(sessionId)).toBe("closed");
  });
});
