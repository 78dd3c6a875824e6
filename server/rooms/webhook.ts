import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type ParticipantInfo, WebhookReceiver } from "livekit-server-sdk";
import { db, type Tx } from "@/db";
import {
  invitations,
  livekitWebhookEvents,
  roomAttendance,
  type Session,
  sessions,
  users,
} from "@/db/schema";
import { env } from "@/env";
import { parseIdentity } from "@/lib/domain/room-identity";
import { parseTableRoom } from "@/lib/speed-dating";
import { audit } from "@/server/audit/log";
import { anonymous } from "@/server/auth/actor";
import { DomainError, unauthenticated } from "@/server/errors";
import { observeWebhookLag } from "@/server/metrics/registry";
import { autoEndIfOver } from "@/server/sessions/auto-end-session";
import { scheduleAutoEnd } from "@/server/sessions/schedule-auto-end";
import { publishHiddenListenerCount, removeFromRoom } from "./room-service";
import { announceRoundClock, ensureSeating, sessionRoomNames } from "./speed-dating";

export type WebhookOutcome = "applied" | "duplicate" | "ignored";

const seconds = (v: bigint | number | undefined) => (v ? new Date(Number(v) * 1000) : null);

/**
 * Applies one LiveKit webhook. There is no actor: the signature (a JWT over the body's sha256,
 * signed with our API secret) is the authorization, so it is checked on the exact bytes received
 * before anything is read or written. Each event id is applied at most once, in the same
 * transaction as its effects; every effect is written so that repeats and any arrival order end
 * in the same rows (a join after its leave, a start after the finish).
 */
export async function receiveLivekitWebhook(
  rawBody: string,
  authorization: string | null,
): Promise<WebhookOutcome> {
  if (!authorization) throw unauthenticated();
  const receiver = new WebhookReceiver(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  const event = await receiver.receive(rawBody, authorization).catch(() => {
    throw new DomainError("unauthenticated", "Webhook signature rejected");
  });
  if (!event.id || !event.event) return "ignored";
  observeWebhookLag(event.event, event.createdAt);
  const roomName = event.room?.name ?? "";
  const session = roomName ? await sessionOfRoom(roomName) : undefined;
  const toRemove: string[] = [];
  let started = false;
  const outcome = await db.transaction(async (tx): Promise<WebhookOutcome> => {
    const fresh = await tx
      .insert(livekitWebhookEvents)
      .values({ id: event.id, event: event.event, roomName: roomName || null })
      .onConflictDoNothing()
      .returning({ id: livekitWebhookEvents.id });
    if (!fresh.length) {
      // A retry of a join we answered with an error: the removal after the commit may be what
      // failed. Removing is idempotent, so a repeat removes again whoever still has no place.
      if (session && event.event === "participant_joined" && event.participant)
        if (!(await participantBelongs(tx, session, event.participant.identity)))
          toRemove.push(event.participant.identity);
      return "duplicate";
    }
    // Rooms that are not a session's (another app on the same LiveKit project) are not ours to touch.
    if (!session) return "ignored";
    const at = seconds(event.createdAt) ?? new Date();
    switch (event.event) {
      case "room_started":
        started =
          (
            await tx
              .update(sessions)
              .set({ status: "live", startedAt: at })
              .where(and(eq(sessions.id, session.id), eq(sessions.status, "scheduled")))
              .returning({ id: sessions.id })
          ).length > 0;
        await ensureSeating(tx, session);
        if (started) await scheduleAutoEnd(tx, session);
        break;
      case "room_finished":
        // A room emptying is not the session ending: people drop and come back. The session ends
        // when the facilitator ends it, or (below) when this finish comes after its grace deadline.
        break;
      case "participant_joined":
        if (event.participant) {
          const allowed = await participantBelongs(tx, session, event.participant.identity);
          if (!allowed) {
            toRemove.push(event.participant.identity);
            await audit(tx, anonymous, "room_remove_unknown", "session", session.id);
          } else await recordJoin(tx, session.id, event.participant, at);
        }
        break;
      case "participant_left":
        if (event.participant) await recordLeave(tx, session, event.participant, at);
        break;
    }
    return "applied";
  });
  for (const identity of toRemove) await removeFromRoom(roomName, identity);
  // The first room starting starts the session (and the round clock); whoever is already in is told.
  if (session && started) await announceRoundClock(session);
  if (session && outcome === "applied" && event.event === "room_finished") await autoEndIfOver(session.id);
  if (
    session &&
    outcome === "applied" &&
    (event.event === "participant_joined" || event.event === "participant_left")
  )
    await publishHiddenListenerCount(roomName);
  return outcome;
}

/** The session a room belongs to: its own room, or (speed dating) one of its table rooms. */
async function sessionOfRoom(roomName: string): Promise<Session | undefined> {
  const own = await db.query.sessions.findFirst({ where: eq(sessions.roomName, roomName) });
  if (own) return own;
  const table = parseTableRoom(roomName);
  if (!table) return undefined;
  const session = await db.query.sessions.findFirst({ where: eq(sessions.roomName, table.roomName) });
  return session && sessionRoomNames(session).includes(roomName) ? session : undefined;
}

/** Whether an identity has a place in this session's room right now. */
async function participantBelongs(tx: Tx, session: Session, identity: string): Promise<boolean> {
  const who = parseIdentity(identity);
  if (who.kind === "customer") {
    const inv = await tx.query.invitations.findFirst({ where: eq(invitations.id, who.invitationId) });
    return (
      inv?.sessionId === session.id &&
      (inv.status === "accepted" || inv.status === "attended") &&
      !inv.removedFromRoomAt
    );
  }
  if (who.kind === "staff") {
    if (session.facilitatorId === who.userId) return true;
    const seat = await tx.query.sessionStaff.findFirst({
      where: (s, { and: both }) => both(eq(s.sessionId, session.id), eq(s.userId, who.userId)),
    });
    if (seat) return true;
    const user = await tx.query.users.findFirst({ where: eq(users.id, who.userId) });
    return user?.role === "admin" && user.active;
  }
  return false;
}

function refs(identity: string) {
  const who = parseIdentity(identity);
  return {
    invitationId: who.kind === "customer" ? who.invitationId : null,
    userId: who.kind === "staff" ? who.userId : null,
  };
}

const duration = (from: Date | null, to: Date | null) =>
  from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null;

async function recordJoin(tx: Tx, sessionId: string, p: ParticipantInfo, at: Date): Promise<void> {
  const joinedAt = seconds(p.joinedAt) ?? at;
  const existing = await tx.query.roomAttendance.findFirst({
    where: and(eq(roomAttendance.sessionId, sessionId), eq(roomAttendance.participantSid, p.sid)),
  });
  if (existing) {
    if (!existing.joinedAt)
      await tx
        .update(roomAttendance)
        .set({ joinedAt, durationSeconds: duration(joinedAt, existing.leftAt) })
        .where(eq(roomAttendance.id, existing.id));
  } else {
    await tx
      .insert(roomAttendance)
      .values({ sessionId, participantSid: p.sid, identity: p.identity, ...refs(p.identity), joinedAt });
  }
  const { invitationId } = refs(p.identity);
  if (invitationId)
    await tx
      .update(invitations)
      .set({ status: "attended" })
      .where(
        and(
          eq(invitations.id, invitationId),
          eq(invitations.sessionId, sessionId),
          inArray(invitations.status, ["accepted"]),
          isNull(invitations.removedFromRoomAt),
        ),
      );
}

async function recordLeave(tx: Tx, session: Session, p: ParticipantInfo, at: Date): Promise<void> {
  const sessionId = session.id;
  const existing = await tx.query.roomAttendance.findFirst({
    where: and(eq(roomAttendance.sessionId, sessionId), eq(roomAttendance.participantSid, p.sid)),
  });
  if (existing) {
    const joinedAt = existing.joinedAt ?? seconds(p.joinedAt);
    await tx
      .update(roomAttendance)
      .set({ joinedAt, leftAt: at, durationSeconds: duration(joinedAt, at) })
      .where(eq(roomAttendance.id, existing.id));
    return;
  }
  // Someone put out on arrival was never in the session: no attendance to record.
  if (!(await participantBelongs(tx, session, p.identity))) return;
  // The leave overtook its join: keep what the leave knows; the join fills in nothing it lacks.
  const joinedAt = seconds(p.joinedAt);
  await tx.insert(roomAttendance).values({
    sessionId,
    participantSid: p.sid,
    identity: p.identity,
    ...refs(p.identity),
    joinedAt,
    leftAt: at,
    durationSeconds: duration(joinedAt, at),
  });
}
