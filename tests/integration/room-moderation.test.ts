// The moderation ladder and the backroom on the domain layer, against the LiveKit development
// server: who may act, the order of the steps, removal that disconnects and bars new tokens,
// floor grants applied live, and backroom rows that survive as the page's state.
import "../support/room-test-env";
import { eq } from "drizzle-orm";
import { RoomServiceClient, TokenVerifier } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { invitations, moderationEvents, reasonCodes, sessions } from "@/db/schema";
import { env } from "@/env";
import { stepAllowed } from "@/lib/domain/moderation";
import { HIDDEN_LISTENER_ATTRIBUTE } from "@/lib/room-attributes";
import type { Actor } from "@/server/auth/actor";
import { DomainError } from "@/server/errors";
import { actOnQuestion } from "@/server/rooms/backroom/act-on-question";
import { addNote } from "@/server/rooms/backroom/add-note";
import { backroomState } from "@/server/rooms/backroom/backroom-state";
import { mergeQuestions } from "@/server/rooms/backroom/merge-questions";
import { submitQuestion } from "@/server/rooms/backroom/submit-question";
import { setFloor } from "@/server/rooms/floor";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { moderateParticipant } from "@/server/rooms/moderation/moderate-participant";
import { myRoomNotice } from "@/server/rooms/moderation/my-room-notice";
import { staffRoomView } from "@/server/rooms/staff-room";
import { getBriefing } from "@/server/sessions/get-briefing";
import { NodeParticipant } from "../integration/livekit-dev/node-participant";
import { roomSession } from "../support/room-fixtures";
import { startRoomLivekit } from "../support/room-test-env";
import { seededDb } from "../support/seeded-db";
import type { TestLivekit } from "../support/test-livekit";
import { until } from "../support/until";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
let lk: TestLivekit;
let api: RoomServiceClient;
const joined: NodeParticipant[] = [];

const code = async (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e) => (e instanceof DomainError ? e.code : String(e)),
  );

async function join(actor: Actor, sessionId: string) {
  const c = await mintRoomToken(actor, sessionId);
  const p = await NodeParticipant.connect(c.url, c.token);
  await p.waitConnected();
  joined.push(p);
  return c;
}

const inRoom = async (roomName: string) => (await api.listParticipants(roomName)).map((p) => p.identity);

beforeAll(async () => {
  staff = await seededDb();
  lk = await startRoomLivekit({ departureTimeout: 30 });
  api = new RoomServiceClient(
    env.LIVEKIT_URL.replace(/^ws/, "http"),
    env.LIVEKIT_API_KEY,
    env.LIVEKIT_API_SECRET,
  );
});

afterAll(async () => {
  for (const p of joined) await p.leave().catch(() => {});
  await lk?.close();
});

describe("moderation ladder", () => {
  it("orders the steps: two warnings before removal, except threats and discriminatory abuse", () => {
    expect(stepAllowed([], { step: "warning_1", category: "interrupting" })).toBe(true);
    expect(stepAllowed([], { step: "warning_2", category: "interrupting" })).toBe(false);
    expect(stepAllowed([], { step: "removal", category: "offensive_language" })).toBe(false);
    expect(stepAllowed(["warning_1"], { step: "removal", category: "personal_attack" })).toBe(false);
    expect(stepAllowed(["warning_1", "warning_2"], { step: "removal", category: "other" })).toBe(true);
    expect(stepAllowed([], { step: "removal", category: "threat" })).toBe(true);
    expect(stepAllowed([], { step: "removal", category: "discriminatory_abuse" })).toBe(true);
    expect(stepAllowed(["removal"], { step: "warning_1", category: "other" })).toBe(false);
  });

  it("only the session's facilitator (or an admin) moderates; attending staff and customers cannot", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { customers: 2, agent: staff.agent });
    const input = {
      sessionId,
      invitationId: guests[0]!.invitationId,
      step: "warning_1" as const,
      category: "interrupting" as const,
    };
    expect(await code(moderateParticipant(staff.agent, input))).toBe("not_found");
    expect(await code(moderateParticipant(staff.executive, input))).toBe("not_found");
    expect(await code(moderateParticipant(guests[1]!, input))).toBe("not_found");
    expect(await code(moderateParticipant({ kind: "anonymous" }, input))).toBe("not_found");
    // Another facilitator's guest cannot be reached through this session.
    const other = await roomSession(staff.facilitator);
    expect(
      await code(
        moderateParticipant(staff.facilitator, { ...input, invitationId: other.guests[0]!.invitationId }),
      ),
    ).toBe("not_found");
    expect(await code(moderateParticipant(staff.facilitator, input))).toBe("ok");
  });

  it("warns twice, removes, disconnects at once and refuses a new token for that session", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { customers: 2 });
    const session = (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!;
    const guest = guests[0]!;
    const conn = await join(guest, sessionId);
    await join(staff.facilitator, sessionId);
    const base = { sessionId, invitationId: guest.invitationId, category: "offensive_language" as const };
    expect(await code(moderateParticipant(staff.facilitator, { ...base, step: "removal" }))).toBe("conflict");
    expect(await code(moderateParticipant(staff.facilitator, { ...base, step: "warning_2" }))).toBe(
      "conflict",
    );
    await moderateParticipant(staff.facilitator, { ...base, step: "warning_1" });
    expect(await myRoomNotice(guest)).toBe("warning_1");
    expect(await code(moderateParticipant(staff.facilitator, { ...base, step: "warning_1" }))).toBe(
      "conflict",
    );
    await moderateParticipant(staff.facilitator, { ...base, step: "warning_2" });
    expect(await inRoom(session.roomName)).toContain(conn.identity);
    const removal = await moderateParticipant(staff.facilitator, { ...base, step: "removal" });
    expect(removal).toMatchObject({
      step: "removal",
      actedById: staff.facilitator.userId,
      customerId: guest.customerId,
    });
    expect(await inRoom(session.roomName)).not.toContain(conn.identity);
    expect(await myRoomNotice(guest)).toBe("removal");
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, guest.invitationId) });
    expect(inv?.removedFromRoomAt).toBeInstanceOf(Date);
    expect(await code(mintRoomToken(guest, sessionId))).toBe("forbidden");
    const record = await db
      .select()
      .from(moderationEvents)
      .where(eq(moderationEvents.invitationId, guest.invitationId));
    expect(record.map((r) => [r.step, r.category]).sort()).toEqual([
      ["removal", "offensive_language"],
      ["warning_1", "offensive_language"],
      ["warning_2", "offensive_language"],
    ]);
    // A threat removes at once.
    await moderateParticipant(staff.facilitator, {
      sessionId,
      invitationId: guests[1]!.invitationId,
      step: "removal",
      category: "threat",
    });
    expect(await code(mintRoomToken(guests[1]!, sessionId))).toBe("forbidden");
    // The next session's host sees the history on the customer's record.
    const next = await roomSession(staff.facilitator, { customers: 1 });
    await db
      .update(invitations)
      .set({ customerId: guest.customerId })
      .where(eq(invitations.id, next.guests[0]!.invitationId));
    const view = await staffRoomView(staff.facilitator, next.sessionId);
    expect(view.moderation.priorByCustomer[guest.customerId]).toBeGreaterThanOrEqual(3);
  });
});

describe("floor control", () => {
  it("gives a hidden observer the floor live and takes it back", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { agent: staff.agent });
    const session = (await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) }))!;
    const agent = await join(staff.agent, sessionId);
    const input = { sessionId, identity: agent.identity, grant: true };
    expect(await code(setFloor(staff.agent, input))).toBe("not_found");
    await setFloor(staff.facilitator, input);
    let info = await api.getParticipant(session.roomName, agent.identity);
    expect(info.permission).toMatchObject({ canPublish: true, hidden: false });
    expect(info.attributes[HIDDEN_LISTENER_ATTRIBUTE]).toBeUndefined();
    await setFloor(staff.facilitator, { ...input, grant: false });
    info = await api.getParticipant(session.roomName, agent.identity);
    expect(info.permission).toMatchObject({ canPublish: false, hidden: true });
    // Marked while still visible: on LiveKit nobody else hears about a participant once hidden.
    expect(info.attributes[HIDDEN_LISTENER_ATTRIBUTE]).toBe("true");
    expect(
      await code(
        setFloor(staff.facilitator, {
          sessionId,
          identity: `staff_${staff.facilitator.userId}`,
          grant: true,
        }),
      ),
    ).toBe("conflict");
  });
});

describe("backroom", () => {
  it("keeps the question queue and notes in the database, with votes, merges and reason codes", async () => {
    const { sessionId, guests } = await roomSession(staff.facilitator, { agent: staff.agent });
    const q1 = await submitQuestion(staff.agent, { sessionId, text: "Why was I transferred three times?" });
    const q2 = await submitQuestion(staff.facilitator, {
      sessionId,
      text: "Why did transfers happen so often?",
    });
    await actOnQuestion(staff.facilitator, { sessionId, questionId: q1.id, action: "vote" });
    expect(await code(actOnQuestion(staff.agent, { sessionId, questionId: q1.id, action: "approve" }))).toBe(
      "not_found",
    );
    expect(await code(submitQuestion(guests[0]!, { sessionId, text: "Can I see this?" }))).toBe("not_found");
    expect(await code(submitQuestion(staff.executive, { sessionId, text: "Not attending" }))).toBe(
      "not_found",
    );
    await mergeQuestions(staff.facilitator, { sessionId, questionId: q2.id, intoId: q1.id });
    await actOnQuestion(staff.facilitator, { sessionId, questionId: q1.id, action: "approve" });
    await actOnQuestion(staff.facilitator, { sessionId, questionId: q1.id, action: "asked" });
    expect(
      await code(actOnQuestion(staff.facilitator, { sessionId, questionId: q1.id, action: "approve" })),
    ).toBe("conflict");
    const [rc1, rc2] = await db.select().from(reasonCodes).limit(2);
    const billing = staff.owner.departments.find((d) => d.isOwner)!.id;
    await addNote(staff.agent, {
      sessionId,
      kind: "quote",
      text: "I rang four times before anyone called me back",
      atSeconds: 125,
      reasonCodeIds: [rc1!.id, rc2!.id],
      emotion: "frustrated",
      contact: "repeat",
      departmentId: billing,
      customerId: guests[0]!.customerId,
    });
    expect(
      await code(
        addNote(staff.agent, { sessionId, kind: "summary", text: "x y", customerId: crypto.randomUUID() }),
      ),
    ).toBe("invalid");
    const state = await backroomState(staff.facilitator, sessionId);
    const merged = state.questions.find((q) => q.id === q2.id);
    const kept = state.questions.find((q) => q.id === q1.id);
    expect(merged).toMatchObject({ status: "merged", mergedIntoId: q1.id });
    expect(kept?.status).toBe("asked");
    expect(new Set(kept?.voterIds)).toEqual(new Set([staff.agent.userId, staff.facilitator.userId]));
    expect(state.notes).toHaveLength(1);
    expect(state.notes[0]).toMatchObject({
      atSeconds: 125,
      emotion: "frustrated",
      contact: "repeat",
      departmentId: billing,
      customerId: guests[0]!.customerId,
    });
    expect(new Set(state.notes[0]!.reasonCodeIds)).toEqual(new Set([rc1!.id, rc2!.id]));
    expect(await code(backroomState(guests[0]!, sessionId))).toBe("not_found");
  });

  it("takes reason codes typed by number on a room note, as the listening log does", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { agent: staff.agent });
    const [a, b, c] = await db.select().from(reasonCodes).where(eq(reasonCodes.state, "active")).limit(3);
    const note = await addNote(staff.agent, {
      sessionId,
      kind: "quote",
      text: "They asked for my account number three times",
      reasonCodeIds: [a!.id],
      codeNumbers: `${b!.number}, ${c!.number} ${b!.number}`,
    });
    expect(new Set(note.reasonCodeIds)).toEqual(new Set([a!.id, b!.id, c!.id]));
    const unknown = await addNote(staff.agent, {
      sessionId,
      kind: "quote",
      text: "Nothing",
      codeNumbers: "9999",
    }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(DomainError);
    expect((unknown as DomainError).fieldErrors).toEqual({ codeNumbers: ["No active code 9999"] });
    await expect(
      addNote(staff.agent, { sessionId, kind: "quote", text: "x y", codeNumbers: "2a" }),
    ).rejects.toThrow(/Numbers only/);
  });
});

describe("mass immersion: open observers", () => {
  it("lets any staff member listen in, hidden and listen-only, and ask through the queue; no other format", async () => {
    const { sessionId } = await roomSession(staff.facilitator, { customers: 1 });
    const panel = await roomSession(staff.facilitator, { customers: 1 });
    await db
      .update(sessions)
      .set({ format: "mass_online", observersHidden: false })
      .where(eq(sessions.id, sessionId));
    // Not on the staff list: refused in a panel, let in to a mass immersion.
    expect(await code(mintRoomToken(staff.executive, panel.sessionId))).toBe("not_found");
    const c = await mintRoomToken(staff.executive, sessionId);
    expect(c.role).toBe("observer");
    const claims = await new TokenVerifier(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET).verify(c.token);
    expect(claims.video).toMatchObject({
      canPublish: false,
      canPublishData: false,
      hidden: true,
      roomAdmin: false,
    });
    const p = await NodeParticipant.connect(c.url, c.token);
    joined.push(p);
    await until(async () => (await inRoom(c.roomName)).includes(c.identity));
    // Questions only through the queue; nothing of the facilitator's.
    const q = await submitQuestion(staff.executive, { sessionId, text: "What would have helped you most?" });
    expect(q.status).toBe("submitted");
    const view = await staffRoomView(staff.executive, sessionId);
    expect(view.canModerate).toBe(false);
    expect(view.guests.every((g) => g.pseudonymous)).toBe(true);
    expect(await code(getBriefing(staff.executive, sessionId))).toBe("not_found");
    expect(await code(setFloor(staff.executive, { sessionId, identity: c.identity, grant: true }))).toBe(
      "not_found",
    );
  });
});
