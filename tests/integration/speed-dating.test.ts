// Speed dating on the domain layer: the seating fixed at the start, tokens minted for exactly one
// table room from the server's own seating and clock (another table is refused), staff moved by
// the clock while customers stay, and webhooks from table rooms mapped back to their session.
import "../support/room-test-env";
import { WebhookEvent } from "@livekit/protocol";
import { and, eq } from "drizzle-orm";
import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/livekit/webhook/route";
import { db } from "@/db";
import { roomAttendance, sessionStaff, sessions, speedDatingRotation, speedDatingSeats } from "@/db/schema";
import { env } from "@/env";
import { tableRoomName } from "@/lib/speed-dating";
import { signWebhook } from "@/livekit-dev/webhook-sender";
import type { Actor, CustomerActor, StaffActor } from "@/server/auth/actor";
import { DomainError } from "@/server/errors";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { speedDatingView } from "@/server/rooms/speed-dating";
import { startSession } from "@/server/sessions/set-session-status";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import type { TestLivekit } from "../support/test-livekit";
import { until } from "../support/until";
import { NodeParticipant } from "./livekit-dev/node-participant";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let lk: TestLivekit;
let sessionId = "";
let roomName = "";
let guests: CustomerActor[] = [];
/** The two rotating staff, in rotation slot order (slot 0 starts at table 1). */
let rotating: StaffActor[] = [];
const joined: NodeParticipant[] = [];

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

/** The room a token really grants, read back from the signed JWT. */
async function grantedRoom(actor: Actor, table?: number): Promise<string> {
  const c = await mintRoomToken(actor, sessionId, { table });
  const claims = await new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET).verify(c.token);
  expect(claims.video?.room).toBe(c.roomName);
  return claims.video!.room!;
}

const table = (n: number) => tableRoomName(roomName, n);

async function hook(fields: Partial<WebhookEvent> & { event: string }) {
  const body = new WebhookEvent({
    id: `EV_${crypto.randomUUID()}`,
    createdAt: BigInt(Math.floor(Date.now() / 1000)),
    ...fields,
  }).toJsonString();
  const authorization = await signWebhook(body, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  const res = await POST(
    new NextRequest("http://app.test/api/livekit/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/webhook+json", authorization },
    }),
  );
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  staff = await seededDb();
  lk = await startRoomLivekit();
  const made = await roomSession(staff.facilitator, { customers: 2 });
  sessionId = made.sessionId;
  guests = made.guests;
  await db
    .update(sessions)
    .set({ format: "speed_dating", tableCount: 2, roundMinutes: 5 })
    .where(eq(sessions.id, sessionId));
  await db.insert(sessionStaff).values([
    { sessionId, userId: staff.agent.userId, roomRole: "speaker" },
    { sessionId, userId: staff.executive.userId, roomRole: "observer" },
  ]);
  roomName = (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.roomName;
  await startSession(staff.facilitator, { sessionId });
  const slots = await db
    .select()
    .from(speedDatingRotation)
    .where(eq(speedDatingRotation.sessionId, sessionId));
  const byId = new Map([staff.agent, staff.executive].map((a) => [a.userId, a]));
  rotating = slots.sort((a, b) => a.slot - b.slot).map((s) => byId.get(s.userId)!);
});

afterAll(async () => {
  for (const p of joined) await p.leave().catch(() => {});
  await lk?.close();
});

describe("seating at the start", () => {
  it("seats both customers, one per table, and gives both rotating staff a slot (not the facilitator)", async () => {
    const seats = await db.select().from(speedDatingSeats).where(eq(speedDatingSeats.sessionId, sessionId));
    expect(seats.map((s) => s.tableIndex).sort()).toEqual([0, 1]);
    expect(rotating.map((r) => r.userId).sort()).toEqual([staff.agent.userId, staff.executive.userId].sort());
  });
});

describe("tokens per table", () => {
  it("gives rotating staff exactly the table of the current round, and refuses the other", async () => {
    expect(await grantedRoom(rotating[0]!)).toBe(table(1));
    expect(await grantedRoom(rotating[1]!)).toBe(table(2));
    expect(await code(mintRoomToken(rotating[0]!, sessionId, { table: 2 }))).toBe("forbidden");
    expect(await grantedRoom(rotating[0]!, 1)).toBe(table(1));
  });

  it("gives a customer only their own table", async () => {
    const seat = async (g: CustomerActor) =>
      (await db.query.speedDatingSeats.findFirst({
        where: and(
          eq(speedDatingSeats.sessionId, sessionId),
          eq(speedDatingSeats.invitationId, g.invitationId),
        ),
      }))!.tableIndex + 1;
    for (const g of guests) {
      const own = await seat(g);
      expect(await grantedRoom(g)).toBe(table(own));
      expect(await code(mintRoomToken(g, sessionId, { table: 3 - own }))).toBe("forbidden");
    }
  });

  it("lets the facilitator choose any table, and no table that does not exist", async () => {
    expect(await grantedRoom(staff.facilitator)).toBe(table(1));
    expect(await grantedRoom(staff.facilitator, 2)).toBe(table(2));
    expect(await code(mintRoomToken(staff.facilitator, sessionId, { table: 3 }))).toBe("not_found");
  });

  it("moves staff to their next table when the round is over; customers stay", async () => {
    const before = await Promise.all(guests.map((g) => grantedRoom(g)));
    const started = (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.startedAt!;
    await db
      .update(sessions)
      .set({ startedAt: new Date(started.getTime() - 5 * 60_000) })
      .where(eq(sessions.id, sessionId));
    const c = await mintRoomToken(rotating[0]!, sessionId);
    expect(c.roomName).toBe(table(2));
    expect(c.placement).toMatchObject({ table: 2, moves: true, clock: { round: 1, rounds: 2 } });
    expect(await grantedRoom(rotating[1]!)).toBe(table(1));
    expect(await code(mintRoomToken(rotating[0]!, sessionId, { table: 1 }))).toBe("forbidden");
    expect(await Promise.all(guests.map((g) => grantedRoom(g)))).toEqual(before);
  });

  it("shows the facilitator every table's guests and the rotation", async () => {
    const view = await speedDatingView(staff.facilitator, sessionId);
    expect(view?.tables).toBe(2);
    expect(view?.guests).toHaveLength(2);
    expect(view?.rotation.map((r) => r.slot)).toEqual([0, 1]);
    expect(await code(speedDatingView(staff.owner, sessionId))).toBe("not_found");
  });
});

describe("the start of the session", () => {
  /** A speed-dating session not started yet, with a customer and a rotating staff member at each table. */
  async function seatedBeforeStart() {
    const made = await roomSession(staff.facilitator, { customers: 2 });
    await db
      .update(sessions)
      .set({ format: "speed_dating", tableCount: 2, roundMinutes: 5 })
      .where(eq(sessions.id, made.sessionId));
    await db.insert(sessionStaff).values([
      { sessionId: made.sessionId, userId: staff.agent.userId, roomRole: "speaker" },
      { sessionId: made.sessionId, userId: staff.executive.userId, roomRole: "observer" },
    ]);
    const people = await Promise.all(
      [...made.guests, staff.agent, staff.executive].map(async (actor) => {
        const c = await mintRoomToken(actor, made.sessionId);
        expect(c.placement).toMatchObject({ startedAt: null, clock: { started: false, endsAt: null } });
        const p = await NodeParticipant.connect(c.url, c.token);
        joined.push(p);
        return p;
      }),
    );
    // The server's message can reach only an open data channel: each page is "at the table" once
    // it is, which on a busy machine (werift's handshakes run in JavaScript) can take seconds.
    await Promise.all(people.map((p) => p.waitDataOpen()));
    expect(new Set(people.map((p) => p.join.room?.name)).size).toBe(2);
    const roomName = (await db.query.sessions.findFirst({ where: eq(sessions.id, made.sessionId) }))!
      .roomName;
    return { ...made, people, roomName };
  }

  /** Everyone was told by the server itself (no sender), and asking again gives round 1's end. */
  async function everyoneToldOfTheClock(made: Awaited<ReturnType<typeof seatedBeforeStart>>) {
    const told = (p: NodeParticipant) => p.data.some((d) => d.topic === "round-clock" && d.from === "");
    await until(() => made.people.every(told));
    expect(made.people.filter(told)).toHaveLength(made.people.length);
    const again = await mintRoomToken(made.guests[0]!, made.sessionId);
    expect(again.placement?.clock).toMatchObject({ started: true, round: 0 });
    expect(again.placement?.clock.endsAt).toBeGreaterThan(Date.now());
  }

  it("tells everyone already at a table when the facilitator starts it, so nobody keeps waiting", async () => {
    const made = await seatedBeforeStart();
    await startSession(staff.facilitator, { sessionId: made.sessionId });
    await everyoneToldOfTheClock(made);
  });

  it("tells them too when the first table room starting makes the session live", async () => {
    const made = await seatedBeforeStart();
    await hook({
      event: "room_started",
      room: { name: tableRoomName(made.roomName, 1) } as WebhookEvent["room"],
    });
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, made.sessionId) }))!.status).toBe(
      "live",
    );
    await everyoneToldOfTheClock(made);
  });
});

describe("webhooks from table rooms", () => {
  it("records attendance in a table room against the session", async () => {
    const identity = `cust_${guests[0]!.invitationId}`;
    await hook({
      event: "participant_joined",
      room: { name: table(2) } as WebhookEvent["room"],
      participant: {
        sid: "PA_table2",
        identity,
        joinedAt: BigInt(Math.floor(Date.now() / 1000)),
      } as WebhookEvent["participant"],
    });
    const row = await db.query.roomAttendance.findFirst({
      where: and(eq(roomAttendance.sessionId, sessionId), eq(roomAttendance.participantSid, "PA_table2")),
    });
    expect(row?.identity).toBe(identity);
  });

  it("ends an overdue session only when the last open table room finishes; a table finishing in time ends nothing", async () => {
    const api = new RoomServiceClient(
      env.LIVEKIT_URL.replace(/^ws/, "http"),
      env.LIVEKIT_API_KEY,
      env.LIVEKIT_API_SECRET,
    );
    await hook({ event: "room_finished", room: { name: table(2) } as WebhookEvent["room"] });
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.status).toBe("live");
    // Past the planned end and the grace period: ends only when no table has anyone in it.
    const row = (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!;
    const startsAt = row.startsAt;
    await db
      .update(sessions)
      .set({ startsAt: new Date(Date.now() - 4 * 3600_000) })
      .where(eq(sessions.id, sessionId));
    const guest = await mintRoomToken(guests[0]!, sessionId);
    const p = await NodeParticipant.connect(guest.url, guest.token);
    await p.waitConnected();
    await hook({ event: "room_finished", room: { name: table(2) } as WebhookEvent["room"] });
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.status).toBe("live");
    await p.leave();
    await expect.poll(async () => (await api.listParticipants(guest.roomName)).length).toBe(0);
    await api.deleteRoom(guest.roomName);
    await hook({ event: "room_finished", room: { name: guest.roomName } as WebhookEvent["room"] });
    expect((await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!.status).toBe("ended");
    await db.update(sessions).set({ startsAt }).where(eq(sessions.id, sessionId));
  });

  it("ignores a table room beyond the session's tables", async () => {
    const before = await db.select().from(roomAttendance).where(eq(roomAttendance.sessionId, sessionId));
    await hook({
      event: "participant_joined",
      room: { name: table(7) } as WebhookEvent["room"],
      participant: {
        sid: "PA_table7",
        identity: `cust_${guests[1]!.invitationId}`,
      } as WebhookEvent["participant"],
    });
    const after = await db.select().from(roomAttendance).where(eq(roomAttendance.sessionId, sessionId));
    expect(after).toHaveLength(before.length);
  });
});
