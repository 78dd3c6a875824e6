import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { type RescheduleSessionInput, zRescheduleSession } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, invalid } from "@/server/errors";
import { scheduleReminders } from "@/server/reminders/schedule-reminders";
import { queueScheduleNotices } from "./schedule-notices";

/**
 * Moves a scheduled session to a new start (wall-clock time in a zone) and length. In one
 * transaction: the new time, a higher calendar sequence, fresh reminder jobs for the new time, and
 * a calendar update to every customer on the list and every staff attendee.
 */
export async function rescheduleSession(actor: Actor, input: RescheduleSessionInput) {
  const data = zRescheduleSession.parse(input);
  await authorizeSession(actor, data.sessionId, "session.manage");
  const startsAt = zonedWallTimeToInstant(data.startsAtLocal, data.timeZone);
  if (startsAt.getTime() < Date.now() - 60_000) {
    throw invalid("The session must start in the future", { startsAtLocal: ["Choose a time in the future"] });
  }
  return db.transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({
        startsAt,
        timeZone: data.timeZone,
        durationMinutes: data.durationMinutes,
        calendarSequence: sql`${sessions.calendarSequence} + 1`,
      })
      .where(and(eq(sessions.id, data.sessionId), inArray(sessions.status, ["draft", "scheduled"])))
      .returning();
    if (!session) throw conflict("Only a session that has not started can be rescheduled");
    await scheduleReminders(tx, session);
    const notified = await queueScheduleNotices(tx, session, "rescheduled");
    await audit(tx, actor, "reschedule", "session", session.id);
    return { startsAt: session.startsAt, sequence: session.calendarSequence, notified };
  });
}
