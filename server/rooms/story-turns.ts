import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { customers, invitations, type Session, sessionStaff, storyTurns, users } from "@/db/schema";
import { customerIdentity } from "@/lib/domain/room-identity";
import { type RoomStoryTurns, type StoryTurn, storyOrder } from "@/lib/domain/story-turns";
import { withStoryTurns } from "@/lib/room-metadata";
import { zStoryTurn } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";
import { log } from "@/server/log/logger";
import { assertSessionOpen } from "@/server/sessions/session-closed";
import { guestNamer } from "./guest-names";
import { roomService } from "./room-service";

const isStoryCircle = (session: Pick<Session, "format">) => session.format === "story_circle";

/**
 * The telling order, guests who booked since joining at the end (in name order), removed guests
 * left out. Rows are made the first time the order is needed.
 */
async function loadTurns(tx: Tx, session: Session): Promise<StoryTurn[]> {
  const guests = await tx
    .select({
      invitationId: invitations.id,
      customerId: invitations.customerId,
      name: customers.name,
      accommodations: invitations.accommodations,
    })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(
      and(
        eq(invitations.sessionId, session.id),
        inArray(invitations.status, ["accepted", "attended"]),
        isNull(invitations.removedFromRoomAt),
      ),
    )
    .orderBy(asc(customers.name));
  const rows = await tx
    .select()
    .from(storyTurns)
    .where(eq(storyTurns.sessionId, session.id))
    .orderBy(asc(storyTurns.position));
  const placed = new Set(rows.map((r) => r.invitationId));
  let next = rows.reduce((m, r) => Math.max(m, r.position + 1), 0);
  const trained = await trainedStaffOf(tx, session);
  const newcomers = storyOrder(
    guests
      .filter((g) => !placed.has(g.invitationId))
      .map((g) => ({ ...g, name: g.name ?? "", needsSupport: g.accommodations.length > 0 })),
    trained.length > 0,
  );
  if (newcomers.length)
    await tx
      .insert(storyTurns)
      .values(
        newcomers.map((g) => ({ sessionId: session.id, invitationId: g.invitationId, position: next++ })),
      )
      .onConflictDoNothing();
  const all = newcomers.length
    ? await tx
        .select()
        .from(storyTurns)
        .where(eq(storyTurns.sessionId, session.id))
        .orderBy(asc(storyTurns.position))
    : rows;
  const guestOf = new Map(guests.map((g) => [g.invitationId, g]));
  return all
    .filter((r) => guestOf.has(r.invitationId))
    .map((r) => ({
      invitationId: r.invitationId,
      customerId: guestOf.get(r.invitationId)!.customerId,
      identity: customerIdentity(r.invitationId),
      name: guestOf.get(r.invitationId)!.name ?? "Guest",
      heardFirstBy: trained.length && guestOf.get(r.invitationId)!.accommodations.length ? trained : null,
      state: r.state,
      startedAt: r.startedAt?.getTime() ?? null,
    }));
}

/** Staff of the session (its list and facilitator) trained to support vulnerable customers, by name. */
export async function trainedStaffOf(
  tx: Tx,
  session: Pick<Session, "id" | "facilitatorId">,
): Promise<string[]> {
  const listed = await tx
    .select({ userId: sessionStaff.userId })
    .from(sessionStaff)
    .where(eq(sessionStaff.sessionId, session.id));
  const rows = await tx
    .select({ name: users.name })
    .from(users)
    .where(
      and(
        inArray(users.id, [...new Set([session.facilitatorId, ...listed.map((l) => l.userId)])]),
        eq(users.trainedForVulnerable, true),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map((r) => r.name);
}

/** The order as the room shows it to everyone: first names only. */
export const roomTurns = (turns: StoryTurn[]): RoomStoryTurns =>
  turns.map((t) => ({
    identity: t.identity,
    name: t.name.split(/\s+/)[0] || "Guest",
    state: t.state,
    startedAt: t.startedAt,
  }));

/** Writes the order into the room's metadata (every page in the room reads it, late joiners too). */
export async function publishStoryTurns(roomName: string, turns: RoomStoryTurns): Promise<void> {
  try {
    const api = roomService();
    const [room] = await api.listRooms([roomName]);
    if (!room) return;
    const metadata = withStoryTurns(room.metadata, turns);
    if (metadata !== null) await api.updateRoomMetadata(roomName, metadata);
  } catch (error) {
    log.warn({ component: "rooms", err: error }, "could not publish the story order");
  }
}

/**
 * A gentle length for each story: three quarters of the session shared between the guests, whole
 * minutes, at least 3. Only shown to the facilitator; nothing happens when it passes.
 */
export const storyTargetSeconds = (durationMinutes: number, guests: number) =>
  Math.max(3, Math.floor((durationMinutes * 0.75) / Math.max(1, guests))) * 60;

/** Staff in the room: the order with full names and the gentle per-story length (null: not a story circle). */
export async function storyTurnsView(
  actor: Actor,
  sessionId: string,
): Promise<{ turns: StoryTurn[]; targetSeconds: number } | null> {
  const { session, actor: staff } = await authorizeSession(actor, sessionId, "room.backroom");
  if (!isStoryCircle(session)) return null;
  const loaded = await db.transaction((tx) => loadTurns(tx, session));
  // Need-to-know: staff who may not see names see the guests' pseudonyms.
  const namer = guestNamer(staff, session);
  // Only those who see names (the facilitator, admins) may know who asked for accommodations.
  const turns = namer.seesNames
    ? loaded
    : loaded.map((t) => ({ ...t, name: namer.name(t.customerId, null), heardFirstBy: null }));
  return { turns, targetSeconds: storyTargetSeconds(session.durationMinutes, turns.length) };
}

/** Puts the current order into a story circle's room (called when someone gets a token). */
export async function shareStoryTurns(session: Session, roomName: string): Promise<void> {
  if (!isStoryCircle(session)) return;
  const turns = await db.transaction((tx) => loadTurns(tx, session));
  if (turns.some((t) => t.state !== "next")) await publishStoryTurns(roomName, roomTurns(turns));
}

/**
 * The facilitator keeps the order: "next" ends the story being told (if any) and starts the next
 * one; "up"/"down" move a waiting guest one place. Everyone in the room sees the new order.
 */
export async function moveStoryTurn(
  actor: Actor,
  input: { sessionId: string; action: string; invitationId?: string },
): Promise<StoryTurn[]> {
  const data = zStoryTurn.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "room.moderate");
  assertSessionOpen(session);
  if (!isStoryCircle(session)) throw conflict("Only a story circle keeps a telling order");
  const turns = await db.transaction(async (tx) => {
    const list = await loadTurns(tx, session);
    const at = eq(storyTurns.sessionId, session.id);
    const row = (invitationId: string) => and(at, eq(storyTurns.invitationId, invitationId));
    if (data.action === "next") {
      const now = list.find((t) => t.state === "now");
      const waiting = list.find((t) => t.state === "next");
      if (!now && !waiting) throw conflict("Everyone has told their story");
      const when = new Date();
      if (now) await tx.update(storyTurns).set({ state: "done", endedAt: when }).where(row(now.invitationId));
      if (waiting)
        await tx.update(storyTurns).set({ state: "now", startedAt: when }).where(row(waiting.invitationId));
    } else {
      const waiting = list.filter((t) => t.state === "next");
      const i = waiting.findIndex((t) => t.invitationId === data.invitationId);
      if (i < 0) throw notFound("That guest is not waiting to tell their story");
      const j = data.action === "up" ? i - 1 : i + 1;
      const other = waiting[j];
      if (other) {
        const rows = await tx.select().from(storyTurns).where(at);
        const pos = (id: string) => rows.find((r) => r.invitationId === id)!.position;
        const [a, b] = [pos(waiting[i]!.invitationId), pos(other.invitationId)];
        // A swap of the two positions; (session, position) carries no unique index for this reason.
        await tx.update(storyTurns).set({ position: b }).where(row(waiting[i]!.invitationId));
        await tx.update(storyTurns).set({ position: a }).where(row(other.invitationId));
      }
    }
    await audit(tx, actor, `story_turn_${data.action}`, "session", session.id);
    return loadTurns(tx, session);
  });
  await publishStoryTurns(session.roomName, roomTurns(turns));
  return turns;
}
