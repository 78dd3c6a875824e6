import ICAL from "ical.js";

/** A calendar file parsed with ical.js (a second, independent implementation of RFC 5545). */
export function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const vevent = cal.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const event = new ICAL.Event(vevent);
  return {
    method: String(cal.getFirstPropertyValue("method")),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue("status")),
    tzid: vevent.getFirstProperty("dtstart")?.getParameter("tzid") ?? null,
    dtstartRaw: String(vevent.getFirstProperty("dtstart")?.toICALString() ?? ""),
    dtstamp: String(vevent.getFirstProperty("dtstamp")?.toICALString() ?? ""),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    summary: event.summary,
    description: event.description,
  };
}
