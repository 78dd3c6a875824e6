import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { sessions } from "@/db/schema";
import { zCancelSession } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict } from "@/server/errors";
import { queueScheduleNotices } from "./schedule-notices";

/**
 * Cancels a session that has not started. In one transaction: status cancelled, a higher calendar
 * sequence, and a calendar cancellation (METHOD:CANCEL) to every customer on the list and every
 * staff attendee. Pending reminder jobs find the session cancelled and send nothing.
 */
export async function cancelSession(actor: Actor, input: { sessionId: string }) {
  const { sessionId } = zCancelSession.parse(input);
  await authorizeSession(actor, sessionId, "session.manage");
  return db.transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({
        status: "cancelled",
        cancelledAt: new Date(),
        calendarSequence: sql`${sessions.calendarSequence} + 1`,
      })
      .where(and(eq(sessions.id, sessionId), inArray(sessions.status, ["draft", "scheduled"])))
      .returning();
    if (!session) throw conflict("Only a session that has not started can be cancelled");
    const notified = await queueScheduleNotices(tx, session, "cancelled");
    await audit(tx, actor, "cancel", "session", session.id);
    return { notified };
  });
}
