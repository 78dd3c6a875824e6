import "server-only";
import type { Tx } from "@/db";
import type { Customer, Invitation, Session } from "@/db/schema";
import { mayEmail } from "@/lib/domain/customers";
import { sessionTextsIn } from "@/lib/domain/session-texts";
import { calendarUid, sessionIcs } from "@/server/calendar/session-ics";
import {
  appLink,
  calendarDescription,
  invitationMail,
  type SessionMailKind,
  sessionMail,
} from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { mintInvitationLink } from "./links";

/** A drizzle transaction (or the db itself): mail is queued in the caller's transaction. */

export type InviteeMailKind = "invitation" | SessionMailKind;

const CALENDAR: Partial<Record<InviteeMailKind, "REQUEST" | "CANCEL">> = {
  invitation: "REQUEST",
  promoted: "REQUEST",
  rescheduled: "REQUEST",
  cancelled: "CANCEL",
};

/**
 * Queues one email about a session to one invited customer, in their language and zone, with the
 * calendar file for the kinds that change their calendar. One calendar UID per invitation, so each
 * file updates the same entry; the session's calendar sequence orders them.
 */
export async function notifyInvitee(
  tx: Tx,
  kind: InviteeMailKind,
  p: {
    session: Session;
    invitation: Pick<Invitation, "id" | "tokenHash" | "status">;
    customer: Pick<
      Customer,
      "id" | "email" | "name" | "language" | "timeZone" | "erasedAt" | "contactPreference"
    >;
    /** The invitation's own token, when the caller has just created it. */
    token?: string;
  },
): Promise<boolean> {
  const { session, invitation, customer } = p;
  // A customer who asked not to be contacted gets no session email at all (invitation, reminder,
  // change): the rule is mayEmail's, the same as for surveys.
  if (!mayEmail(customer) || !customer.email) return false;
  const token =
    kind === "cancelled" ? null : (p.token ?? (await mintInvitationLink(tx, invitation, session)));
  const method = CALENDAR[kind];
  // The session's title in the customer's language (English when not given).
  const { title } = sessionTextsIn(session, customer.language);
  const calendar = method
    ? sessionIcs({
        uid: calendarUid("invitation", invitation.id),
        sequence: session.calendarSequence,
        method,
        title,
        description: calendarDescription(customer.language, token),
        startsAt: session.startsAt,
        durationMinutes: session.durationMinutes,
        timeZone: session.timeZone,
        ...(token ? { url: appLink(`/i/${token}`) } : {}),
        attendee: {
          email: customer.email,
          name: customer.name,
          accepted: kind === "promoted" || invitation.status === "accepted",
        },
      })
    : undefined;
  const facts = {
    locale: customer.language,
    title,
    startsAt: session.startsAt,
    timeZone: customer.timeZone,
    durationMinutes: session.durationMinutes,
    calendar,
  };
  const mail =
    kind === "invitation"
      ? invitationMail({ ...facts, token: token ?? "" })
      : sessionMail(kind, { ...facts, token });
  await enqueueEmail(tx, { kind, to: customer.email, customerId: customer.id, ...mail });
  return true;
}
