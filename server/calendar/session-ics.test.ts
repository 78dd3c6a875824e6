import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_TIME_ZONES } from "@/lib/dates";
import { parseIcs } from "@/tests/support/ics";
import { sessionIcs } from "./session-ics";

const base = {
  uid: "invitation-1@app.test",
  sequence: 3,
  method: "REQUEST" as const,
  title: "Story circle",
  description: "Your page",
  startsAt: new Date("2027-03-28T00:30:00Z"),
  durationMinutes: 45,
  timeZone: "Europe/London",
  attendee: { email: "guest@example.test", name: "Guest", accepted: true },
};

// Hostile and multilingual text: folding, escaping and line breaks are where calendar files break.
const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "Chuyển nhà — thảo luận; giá, hoá đơn",
    "搬家，账单；问题\\反斜杠",
    "\u202Eevil\u202C zero\u200Bwidth",
    "line one\r\nATTENDEE:mailto:intruder@example.test\r\nline three",
    "END:VEVENT\nBEGIN:VEVENT",
    "x".repeat(500),
  ),
);

describe("sessionIcs", () => {
  it("round-trips any title and description through an independent parser, adding no properties", () => {
    fc.assert(
      fc.property(text, text, (title, description) => {
        const file = sessionIcs({ ...base, title, description });
        const ics = parseIcs(file.content);
        // RFC 5545 has no way to keep a bare CR; a CRLF or CR comes back as a line feed.
        const norm = (s: string) => s.replace(/\r\n?/g, "\n");
        expect(ics.summary).toBe(norm(title));
        expect(ics.description).toBe(norm(description));
        expect(file.content.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
        expect(file.content.match(/^ATTENDEE/gm)).toHaveLength(1);
        for (const line of file.content.split("\r\n"))
          expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      }),
      { numRuns: 200 },
    );
    // 200 generated calendars take ~1 s on an idle machine; on a loaded one, far more than 5 s.
  }, 60_000);

  it("writes the wall clock of the session's zone on the night the clocks go forward", () => {
    // 00:30 UTC on 28 March 2027 is 00:30 GMT in London; 01:30 UTC would be 02:30 BST.
    const before = parseIcs(sessionIcs(base).content);
    expect(before.dtstartRaw).toContain("TZID=Europe/London:20270328T003000");
    const after = parseIcs(sessionIcs({ ...base, startsAt: new Date("2027-03-28T01:30:00Z") }).content);
    expect(after.dtstartRaw).toContain("TZID=Europe/London:20270328T023000");
    expect(after.start.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(after.sequence).toBe(3);
  });

  it("has a VTIMEZONE for every zone the session form offers (else it falls back to UTC times)", () => {
    for (const zone of COMMON_TIME_ZONES.filter((z) => z !== "UTC")) {
      const ics = parseIcs(sessionIcs({ ...base, timeZone: zone }).content);
      expect(ics.tzid).toBe(zone);
      expect(ics.start.toISOString()).toBe(base.startsAt.toISOString());
    }
  });

  it("marks a cancellation as METHOD:CANCEL and STATUS:CANCELLED", () => {
    const file = sessionIcs({ ...base, method: "CANCEL" });
    const ics = parseIcs(file.content);
    expect([file.method, ics.method, ics.status, file.filename]).toEqual([
      "CANCEL",
      "CANCEL",
      "CANCELLED",
      "cancel.ics",
    ]);
  });
});
