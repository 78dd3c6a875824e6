import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { audit } from "@/server/audit/log";
import { anonymous } from "@/server/auth/actor";
import { enqueueJob } from "@/server/jobs/queue";
import { closeRoom, identitiesInRoom } from "@/server/rooms/room-service";
import { sessionRoomNames } from "@/server/rooms/speed-dating";
import { AUTO_END_JOB, AUTO_END_RECHECK_MS, autoEndAt } from "./schedule-auto-end";
import { markSessionEnded } from "./set-session-status";

export type AutoEndOutcome = "ended" | "not_due" | "occupied" | "closed";

/**
 * Ends an open session that is past its scheduled end plus the grace period and has nobody in any
 * of its rooms (the job at the deadline, and every LiveKit room_finished after it). Someone still
 * in the room keeps it open: the check comes back later. LiveKit unreachable counts as occupied —
 * the session stays open rather than closing under people's feet.
 */
export async function autoEndIfOver(sessionId: string, now = new Date()): Promise<AutoEndOutcome> {
  const session = await db.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
  if (!session || (session.status !== "live" && session.status !== "scheduled")) return "closed";
  // A scheduled session counts too: its room_started may have been lost, and a room that finished
  // means someone was there.
  if (now < autoEndAt(session)) return "not_due";
  const rooms = sessionRoomNames(session);
  let occupied = false;
  for (const name of rooms) {
    const here = await identitiesInRoom(name).catch(() => ["unknown"]);
    if (here.length > 0) occupied = true;
  }
  if (occupied) {
    const runAt = new Date(now.getTime() + AUTO_END_RECHECK_MS);
    await enqueueJob(db, {
      kind: AUTO_END_JOB,
      payload: { sessionId },
      dedupeKey: `${AUTO_END_JOB}:${sessionId}:${runAt.getTime()}`,
      runAt,
    });
    return "occupied";
  }
  const ended = await db.transaction(async (tx) => {
    if (!(await markSessionEnded(tx, sessionId))) return false;
    await audit(tx, anonymous, "auto_end", "session", sessionId);
    return true;
  });
  if (!ended) return "closed";
  for (const name of rooms) await closeRoom(name);
  return "ended";
}
