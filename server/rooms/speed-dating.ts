import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { db, type Tx } from "@/db";
import {
  customers,
  invitations,
  type Session,
  sessionStaff,
  speedDatingRotation,
  speedDatingSeats,
  users,
} from "@/db/schema";
import {
  type RoundState,
  rotationOrder,
  roundAt,
  seatGuests,
  seatLateGuest,
  tableOf,
  tableRoomName,
  trainedFirstTables,
} from "@/lib/speed-dating";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, forbidden, notFound } from "@/server/errors";
import { guestNamer } from "./guest-names";
import { identitiesInRoom, sendToIdentities } from "./room-service";

/** Speed dating with its tables set up: one room per table (otherwise the session's one room). */
export const hasTables = (session: Pick<Session, "format" | "tableCount" | "roundMinutes">) =>
  session.format === "speed_dating" && Boolean(session.tableCount) && Boolean(session.roundMinutes);

/** Every LiveKit room a session uses: one per table for speed dating, otherwise its one room. */
export function sessionRoomNames(session: Pick<Session, "format" | "roomName" | "tableCount">): string[] {
  if (session.format !== "speed_dating" || !session.tableCount) return [session.roomName];

  return Array.from({ length: session.tableCount }, (_, i) => tableRoomName(session.roomName, i + 1));
}

function shape(session: Session): { tables: number; roundMinutes: number } {
  if (!session.tableCount || !session.roundMinutes)
    throw conflict("Speed dating needs tables and a round length");
  return { tables: session.tableCount, roundMinutes: session.roundMinutes };
}

/**
 * Fixes the rotation and the seating the first time they are needed (the start, or the first room
 * token before it) and adds latecomers without moving anyone already placed: a staff member added
 * later takes the next slot, a customer who booked later the emptiest table.
 */
export async function ensureSeating(tx: Tx, session: Session): Promise<void> {
  if (session.format !== "speed_dating" || !session.tableCount || !session.roundMinutes) return;
  const tables = session.tableCount;
  const staff = await tx
    .select({ id: users.id, trained: users.trainedForVulnerable })
    .from(sessionStaff)
    .innerJoin(users, eq(users.id, sessionStaff.userId))
    .where(
      and(
        eq(sessionStaff.sessionId, session.id),
        ne(sessionStaff.roomRole, "facilitator"),
        ne(sessionStaff.userId, session.facilitatorId),
      ),
    );
  const slots = await tx
    .select()
    .from(speedDatingRotation)
    .where(eq(speedDatingRotation.sessionId, session.id));
  const placed = new Set(slots.map((s) => s.userId));
  let next = slots.reduce((m, s) => Math.max(m, s.slot + 1), 0);
  const newcomers = rotationOrder(staff.filter((s) => !placed.has(s.id)));
  if (newcomers.length)
    await tx
      .insert(speedDatingRotation)
      .values(newcomers.map((s) => ({ sessionId: session.id, userId: s.id, slot: next++ })))
      .onConflictDoNothing();
  const trainedById = new Map(staff.map((s) => [s.id, s.trained]));
  const allSlots = await tx
    .select()
    .from(speedDatingRotation)
    .where(eq(speedDatingRotation.sessionId, session.id));
  const slotsTrained: boolean[] = [];
  for (const s of allSlots) slotsTrained[s.slot] = trainedById.get(s.userId) ?? false;
  const trainedFirst = trainedFirstTables(
    Array.from({ length: next }, (_, i) => slotsTrained[i] ?? false),
    tables,
  );

  const guests = await tx
    .select({ id: invitations.id, accommodations: invitations.accommodations })
    .from(invitations)
    .where(and(eq(invitations.sessionId, session.id), inArray(invitations.status, ["accepted", "attended"])))
    .orderBy(asc(invitations.createdAt));
  const seats = await tx.select().from(speedDatingSeats).where(eq(speedDatingSeats.sessionId, session.id));
  const seated = new Set(seats.map((s) => s.invitationId));
  const unseated = guests
    .filter((g) => !seated.has(g.id))
    .map((g) => ({ id: g.id, needsSupport: g.accommodations.length > 0 }));
  if (!unseated.length) return;
  let rows: { invitationId: string; tableIndex: number }[];
  if (seats.length === 0) {
    rows = [...seatGuests(unseated, trainedFirst)].map(([invitationId, tableIndex]) => ({
      invitationId,
      tableIndex,
    }));
  } else {
    const counts = Array.from({ length: tables }, () => 0);
    for (const s of seats) if (s.tableIndex < tables) counts[s.tableIndex]! += 1;
    rows = unseated.map((g) => {
      const tableIndex = seatLateGuest(g, counts, trainedFirst);
      counts[tableIndex]! += 1;
      return { invitationId: g.id, tableIndex };
    });
  }
  await tx
    .insert(speedDatingSeats)
    .values(rows.map((r) => ({ sessionId: session.id, ...r })))
    .onConflictDoNothing();
}

/** Seating happens in one write transaction, so two first tokens at once agree on it. */
const seatNow = (session: Session) =>
  db.transaction((tx) => ensureSeating(tx, session), { behavior: "immediate" });

export type TablePlacement = {
  /** 1-based table number and its room. */
  table: number;
  roomName: string;
  tables: number;
  roundMinutes: number;
  startedAt: number | null;
  serverNow: number;
  clock: RoundState;
  /** Rotating staff are moved at each round boundary; customers and the facilitator are not. */
  moves: boolean;
};

export type Seat =
  | { kind: "customer"; invitationId: string }
  | { kind: "rotating"; userId: string }
  | { kind: "roaming" };

/**
 * Which table room someone may be in right now, from the stored seating and the server's own
 * clock. A customer has their table; rotating staff have the table of the current round; the
 * facilitator (and an admin looking in) may choose any table. Asking for another table is refused.
 */
export async function placeAtTable(
  session: Session,
  seat: Seat,
  requested?: number,
): Promise<TablePlacement> {
  const { tables, roundMinutes } = shape(session);
  await seatNow(session);
  const now = Date.now();
  const startedAt = session.startedAt?.getTime() ?? null;
  const clock = roundAt(startedAt, roundMinutes, tables, now);
  let index: number;
  if (seat.kind === "customer") {
    const row = await db.query.speedDatingSeats.findFirst({
      where: and(
        eq(speedDatingSeats.sessionId, session.id),
        eq(speedDatingSeats.invitationId, seat.invitationId),
      ),
    });
    if (!row) throw notFound();
    index = row.tableIndex;
  } else if (seat.kind === "rotating") {
    const row = await db.query.speedDatingRotation.findFirst({
      where: and(eq(speedDatingRotation.sessionId, session.id), eq(speedDatingRotation.userId, seat.userId)),
    });
    if (!row) throw notFound();
    index = tableOf(row.slot, clock.round, tables);
  } else {
    index = (requested ?? 1) - 1;
    if (index < 0 || index >= tables) throw notFound("No such table");
  }
  if (requested !== undefined && requested !== index + 1) throw forbidden();
  return {
    table: index + 1,
    roomName: tableRoomName(session.roomName, index + 1),
    tables,
    roundMinutes,
    startedAt,
    serverNow: now,
    clock,
    moves: seat.kind === "rotating",
  };
}

/**
 * Tells everyone in every room of the session that it started (call it after the change is
 * committed). Each page then asks again: for speed dating the token route, so customers and the
 * facilitator learn when round 1 ends and rotating staff need not wait for their next poll; in
 * every format the staff room reloads its view, so its status badge says "Live" without a reload.
 */
export async function announceRoundClock(
  session: Pick<Session, "format" | "roomName" | "tableCount" | "roundMinutes">,
): Promise<void> {
  for (const name of sessionRoomNames(session)) {
    // A room nobody is in yet has nobody to tell; their first token (or page load) says it.
    const everyone = await identitiesInRoom(name).catch(() => []);
    await sendToIdentities(name, everyone, { topic: "round-clock", type: "round-clock" });
  }
}

/**
 * The facilitator's overview: who sits at each table and which staff slot is where, so the
 * browser can show every table for the current round from the same clock as everyone else.
 */
export async function speedDatingView(actor: Actor, sessionId: string) {
  const { session, actor: staff } = await authorizeSession(actor, sessionId, "room.backroom");
  if (!hasTables(session)) return null;
  const namer = guestNamer(staff, session);
  const { tables, roundMinutes } = shape(session);
  await seatNow(session);
  const seats = await db
    .select({ tableIndex: speedDatingSeats.tableIndex, customerId: customers.id, name: customers.name })
    .from(speedDatingSeats)
    .innerJoin(invitations, eq(invitations.id, speedDatingSeats.invitationId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(
      and(eq(speedDatingSeats.sessionId, sessionId), inArray(invitations.status, ["accepted", "attended"])),
    )
    .orderBy(asc(customers.name));
  const rotation = await db
    .select({ userId: speedDatingRotation.userId, slot: speedDatingRotation.slot, name: users.name })
    .from(speedDatingRotation)
    .innerJoin(users, eq(users.id, speedDatingRotation.userId))
    .where(eq(speedDatingRotation.sessionId, sessionId))
    .orderBy(asc(speedDatingRotation.slot));
  return {
    tables,
    roundMinutes,
    startedAt: session.startedAt?.getTime() ?? null,
    serverNow: Date.now(),
    guests: seats.map((s) => ({ table: s.tableIndex + 1, name: namer.name(s.customerId, s.name) })),
    rotation: rotation.map((r) => ({ userId: r.userId, slot: r.slot, name: r.name })),
  };
}

export type SpeedDatingView = NonNullable<Awaited<ReturnType<typeof speedDatingView>>>;
