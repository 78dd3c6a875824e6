import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Session, sessionStaff, users } from "@/db/schema";
import { calendarUid, sessionIcs } from "@/server/calendar/session-ics";
import { notifyInvitee } from "@/server/invitations/notify-invitee";
import { sessionGuests } from "@/server/invitations/session-guests";
import { appLink } from "@/server/mail/customer-mails";
import { staffScheduleMail } from "@/server/mail/staff-mails";
import { enqueueEmail } from "@/server/notify/outbox";

/** Everyone whose calendar holds the session: customers invited, booked or waiting. */
const ON_THE_LIST = ["invited", "accepted", "waitlisted"] as const;

/**
 * Queues the calendar update (REQUEST with the session's new sequence) or cancellation (CANCEL) to
 * every customer on the list and every staff attendee, in the caller's transaction.
 */
export async function queueScheduleNotices(
  tx: Tx,
  session: Session,
  kind: "rescheduled" | "cancelled",
): Promise<{ customers: number; staff: number }> {
  const guests = await sessionGuests(tx, session.id, ON_THE_LIST);
  let customerCount = 0;
  for (const { invitation, customer } of guests) {
    if (await notifyInvitee(tx, kind, { session, invitation, customer })) customerCount++;
  }
  const staff = await tx
    .select({ id: users.id, email: users.email, name: users.name, timeZone: users.timeZone })
    .from(sessionStaff)
    .innerJoin(users, eq(users.id, sessionStaff.userId))
    .where(and(eq(sessionStaff.sessionId, session.id), eq(users.active, true)));
  for (const person of staff) {
    const calendar = sessionIcs({
      uid: calendarUid("session", session.id, "staff", person.id),
      sequence: session.calendarSequence,
      method: kind === "cancelled" ? "CANCEL" : "REQUEST",
      title: session.title,
      description:
        kind === "cancelled"
          ? "This session has been cancelled."
          : `Session page: ${appLink(`/sessions/${session.id}`)}`,
      startsAt: session.startsAt,
      durationMinutes: session.durationMinutes,
      timeZone: session.timeZone,
      url: appLink(`/sessions/${session.id}`),
      attendee: { email: person.email, name: person.name, accepted: true },
    });
    const mail = staffScheduleMail(kind, {
      sessionId: session.id,
      title: session.title,
      startsAt: session.startsAt,
      timeZone: person.timeZone,
      durationMinutes: session.durationMinutes,
      calendar,
    });
    await enqueueEmail(tx, { kind: `staff_${kind}`, to: person.email, ...mail });
  }
  return { customers: customerCount, staff: staff.length };
}
