import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { reminderDeliveries, sessions } from "@/db/schema";
import type { ReminderKind } from "@/lib/domain/invitations";
import { notifyInvitee } from "@/server/invitations/notify-invitee";
import { sessionGuests } from "@/server/invitations/session-guests";
import { REMINDER_LEAD_MS } from "./schedule-reminders";

/**
 * Job: the reminder of one kind to every booked customer of a session. Each email is queued in
 * the transaction that inserts its delivery marker, and the marker's unique key (invitation, kind,
 * start instant) turns a second run — concurrent, retried or after moving back to a time already
 * announced — into no insert and so no email. A job whose time is out of date sends nothing.
 */
export async function sendReminders(
  input: { sessionId: string; reminder: ReminderKind; startsAt: number },
  now = new Date(),
): Promise<{ sent: number }> {
  return db.transaction(async (tx) => {
    const session = await tx.query.sessions.findFirst({ where: eq(sessions.id, input.sessionId) });
    if (session?.status !== "scheduled" || session.startsAt.getTime() !== input.startsAt) return { sent: 0 };
    const start = session.startsAt.getTime();
    // Too late for this kind: the day-before note is pointless once the hour-before one is due.
    const latest = input.reminder === "day_before" ? start - REMINDER_LEAD_MS.hour_before : start;
    if (now.getTime() >= latest) return { sent: 0 };
    const booked = await sessionGuests(tx, session.id, ["accepted"]);
    let sent = 0;
    for (const { invitation, customer } of booked) {
      const marked = await tx
        .insert(reminderDeliveries)
        .values({ invitationId: invitation.id, kind: input.reminder, startsAt: session.startsAt })
        .onConflictDoNothing()
        .returning({ id: reminderDeliveries.id });
      if (!marked.length) continue;
      const kind = input.reminder === "day_before" ? "reminder_day" : "reminder_hour";
      if (await notifyInvitee(tx, kind, { session, invitation, customer })) sent++;
    }
    return { sent };
  });
}
