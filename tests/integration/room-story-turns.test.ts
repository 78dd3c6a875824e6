// Story circle turn order against the LiveKit server under test: the order is made from the booked
// guests, the facilitator reorders and moves on, and every page in the room reads it from the
// room's metadata (first names only), late joiners included.
import "../support/room-test-env";
import { eq } from "drizzle-orm";
import { RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { customers, invitations, sessions, users } from "@/db/schema";
import { env } from "@/env";
import { storyTurnsOf } from "@/lib/room-metadata";
import { DomainError } from "@/server/errors";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { moveStoryTurn, storyTargetSeconds, storyTurnsView } from "@/server/rooms/story-turns";
import { getBriefing } from "@/server/sessions/get-briefing";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import type { TestLivekit } from "../support/test-livekit";

let staff: Awaited<ReturnType<typeof seededDb>>;
let lk: TestLivekit;

beforeAll(async () => {
  staff = await seededDb();
  lk = await startRoomLivekit();
});
afterAll(async () => {
  await lk?.close();
});

describe("story circle turns", () => {
  it("keeps the order, moves on, and tells the room", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { customers: 3 });
    const view = await storyTurnsView(staff.facilitator, sessionId);
    expect(view?.turns.map((t) => t.state)).toEqual(["next", "next", "next"]);
    expect(view?.targetSeconds).toBe(storyTargetSeconds(45, 3));
    const [a, b, c] = view!.turns;
    // The room is open (a guest asked for a token) before the first story starts.
    const token = await mintRoomToken(guests[0]!, sessionId);
    let order = await moveStoryTurn(staff.facilitator, {
      sessionId,
      action: "up",
      invitationId: c!.invitationId,
    });
    expect(order.map((t) => t.invitationId)).toEqual([a!.invitationId, c!.invitationId, b!.invitationId]);
    order = await moveStoryTurn(staff.facilitator, { sessionId, action: "next" });
    expect(order.map((t) => t.state)).toEqual(["now", "next", "next"]);
    order = await moveStoryTurn(staff.facilitator, { sessionId, action: "next" });
    expect(order.map((t) => t.state)).toEqual(["done", "now", "next"]);
    expect(order[1]!.startedAt).toBeGreaterThan(0);
    const api = new RoomServiceClient(
      env.LIVEKIT_URL.replace(/^ws/, "http"),
      env.LIVEKIT_API_KEY,
      env.LIVEKIT_API_SECRET,
    );
    const [room] = await api.listRooms([token.roomName]);
    const shown = storyTurnsOf(room?.metadata);
    expect(shown.map((t) => [t.identity, t.state])).toEqual(order.map((t) => [t.identity, t.state]));
    for (const t of shown) expect(t.name).not.toContain(" "); // first names only
    // Moving someone who already told their story is refused; so is the order of a closed session.
    await expect(
      moveStoryTurn(staff.facilitator, { sessionId, action: "down", invitationId: a!.invitationId }),
    ).rejects.toBeInstanceOf(DomainError);
    await db.update(sessions).set({ status: "ended" }).where(eq(sessions.id, sessionId));
    await expect(moveStoryTurn(staff.facilitator, { sessionId, action: "next" })).rejects.toBeInstanceOf(
      DomainError,
    );
  });

  it("only those who run the room keep the order", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { customers: 2, agent: staff.agent });
    await expect(moveStoryTurn(staff.agent, { sessionId, action: "next" })).rejects.toBeInstanceOf(
      DomainError,
    );
    expect((await storyTurnsView(staff.agent, sessionId))?.turns).toHaveLength(2);
  });

  it("puts a guest who asked for accommodations first when trained staff hear them, and tells only the facilitator why", async () => {
    const fresh = await roomSession(staff.facilitator, { customers: 3, agent: staff.agent });
    const rows = await db.select().from(invitations).where(eq(invitations.sessionId, fresh.sessionId));
    const byName = await db.select().from(customers);
    const last = rows
      .map((r) => ({ ...r, name: byName.find((c) => c.id === r.customerId)!.name ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .at(-1)!;
    await db
      .update(invitations)
      .set({ accommodations: ["captions"] })
      .where(eq(invitations.id, last.id));
    await db.update(users).set({ trainedForVulnerable: true }).where(eq(users.id, staff.agent.userId));
    try {
      const view = await storyTurnsView(staff.facilitator, fresh.sessionId);
      // The seed's facilitator is trained too: both are named.
      expect(view!.turns[0]!.invitationId).toBe(last.id);
      expect(view!.turns[0]!.heardFirstBy).toEqual(
        expect.arrayContaining([staff.agent.name, staff.facilitator.name]),
      );
      expect(view!.turns.slice(1).every((t) => t.heardFirstBy === null)).toBe(true);
      // The agent sees the same order, under pseudonyms, and not who asked for what.
      const theirs = await storyTurnsView(staff.agent, fresh.sessionId);
      expect(theirs!.turns.map((t) => t.invitationId)).toEqual(view!.turns.map((t) => t.invitationId));
      expect(theirs!.turns.map((t) => [t.heardFirstBy, t.name.slice(0, 6)])).toEqual(
        theirs!.turns.map(() => [null, "Guest "]),
      );
      // The briefing says so too.
      const briefing = await getBriefing(staff.facilitator, fresh.sessionId);
      expect(briefing.guests.find((g) => g.invitationId === last.id)?.supportedBy).toEqual(
        view!.turns[0]!.heardFirstBy,
      );
      expect(briefing.guests.filter((g) => g.supportedBy)).toHaveLength(1);
    } finally {
      await db.update(users).set({ trainedForVulnerable: false }).where(eq(users.id, staff.agent.userId));
    }
  });
});
