import { describe, expect, it } from "vitest";
import { formatDateTime, instantToZonedWallTime, isValidTimeZone, zonedWallTimeToInstant } from "./dates";

describe("zoned wall time", () => {
  it("converts a London evening in winter and in summer (DST)", () => {
    expect(zonedWallTimeToInstant("2026-12-03T18:30", "Europe/London").toISOString()).toBe(
      "2026-12-03T18:30:00.000Z",
    );
    expect(zonedWallTimeToInstant("2026-07-03T18:30", "Europe/London").toISOString()).toBe(
      "2026-07-03T17:30:00.000Z",
    );
  });

  it("converts Ho Chi Minh City (no DST) and New York across its spring change", () => {
    expect(zonedWallTimeToInstant("2026-03-07T09:00", "Asia/Ho_Chi_Minh").toISOString()).toBe(
      "2026-03-07T02:00:00.000Z",
    );
    expect(zonedWallTimeToInstant("2026-03-07T09:00", "America/New_York").toISOString()).toBe(
      "2026-03-07T14:00:00.000Z",
    );
    expect(zonedWallTimeToInstant("2026-03-09T09:00", "America/New_York").toISOString()).toBe(
      "2026-03-09T13:00:00.000Z",
    );
  });

  it("round-trips through the wall clock", () => {
    const instant = new Date("2026-10-26T00:30:00Z");
    for (const zone of ["Europe/London", "Asia/Shanghai", "America/Los_Angeles", "Australia/Sydney"]) {
      expect(zonedWallTimeToInstant(instantToZonedWallTime(instant, zone), zone).getTime()).toBe(
        instant.getTime(),
      );
    }
  });

  it("names the zone when formatting and rejects unknown zones", () => {
    expect(formatDateTime(new Date("2026-12-03T18:30:00Z"), "Asia/Ho_Chi_Minh", "en-GB")).toMatch(/01:30/);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(() => zonedWallTimeToInstant("tomorrow", "UTC")).toThrow(RangeError);
  });
});
