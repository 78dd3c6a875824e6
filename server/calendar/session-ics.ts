import "server-only";
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { MailAttachment } from "@/db/schema";
import { env } from "@/env";

const host = new URL(env.APP_URL).hostname || "immersion.local";
const organizerEmail = /<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM;

/** A calendar UID that stays the same for the life of one person's entry, so updates replace it. */
export const calendarUid = (...parts: string[]) => `${parts.join("-")}@${host}`;

export type SessionCalendarInput = {
  uid: string;
  /** The session's calendar sequence: higher than every earlier file for this UID. */
  sequence: number;
  method: "REQUEST" | "CANCEL";
  title: string;
  description: string;
  startsAt: Date;
  durationMinutes: number;
  /** The session's IANA zone: the entry keeps its wall-clock time across daylight-saving changes. */
  timeZone: string;
  url?: string;
  attendee: { email: string; name?: string | null; accepted: boolean };
};

/**
 * An iCalendar (RFC 5545/5546) file for one person's entry in a session. Times are written in the
 * session's zone with its VTIMEZONE. ical-generator reads the wall clock of a plain Date in the
 * process's zone, so instants are handed over as TZDate in the session's zone.
 */
export function sessionIcs(p: SessionCalendarInput): MailAttachment {
  const zoned = p.timeZone !== "UTC" && getVtimezoneComponent(p.timeZone) !== null;
  const cal = ical({
    prodId: { company: "Immersion", product: "Sessions", language: "EN" },
    method: p.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // Only the VTIMEZONE generator: a calendar-level zone name would also turn DTSTAMP into local time.
  if (zoned) cal.timezone({ name: null, generator: getVtimezoneComponent });
  const tz = zoned ? p.timeZone : "UTC";
  const end = new Date(p.startsAt.getTime() + p.durationMinutes * 60_000);
  cal.createEvent({
    id: p.uid,
    sequence: p.sequence,
    stamp: new Date(),
    start: new TZDate(p.startsAt.getTime(), tz),
    end: new TZDate(end.getTime(), tz),
    ...(zoned ? { timezone: p.timeZone } : {}),
    summary: p.title,
    description: p.description,
    ...(p.url ? { url: p.url } : {}),
    status: p.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: "Immersion", email: organizerEmail },
    attendees: [
      {
        email: p.attendee.email,
        ...(p.attendee.name ? { name: p.attendee.name } : {}),
        role: ICalAttendeeRole.REQ,
        // Replies go through the personal page, not the calendar: no RSVP is asked for.
        rsvp: false,
        status: p.attendee.accepted ? ICalAttendeeStatus.ACCEPTED : ICalAttendeeStatus.NEEDSACTION,
      },
    ],
  });
  return {
    filename: p.method === "CANCEL" ? "cancel.ics" : "invite.ics",
    contentType: "text/calendar",
    content: cal.toString(),
    method: p.method,
  };
}
