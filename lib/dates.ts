// The only place dates are parsed from wall-clock input or formatted for people. Instants are UTC;
// a session carries its IANA zone; each person sees times in their own zone.
import { TZDate } from "@date-fns/tz";

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2026-12-03T18:30" on the wall clock of `timeZone` → the UTC instant (DST-aware). */
export function zonedWallTimeToInstant(local: string, timeZone: string): Date {
  const m = LOCAL_DATETIME.exec(local);
  if (!m) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const zoned = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  return new Date(zoned.getTime());
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in `timeZone` (for editing forms). */
export function instantToZonedWallTime(instant: Date, timeZone: string): string {
  const z = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}T${pad(z.getHours())}:${pad(z.getMinutes())}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A date and time for people, in their zone and language, with the zone named. */
export function formatDateTime(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
}

export function formatDate(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(instant);
}

export const COMMON_TIME_ZONES = [
  "Europe/London",
  "Europe/Paris",
  "America/New_York",
  "America/Los_Angeles",
  "Asia/Shanghai",
  "Asia/Ho_Chi_Minh",
  "Asia/Singapore",
  "Australia/Sydney",
  "UTC",
] as const;

/** Every zone the runtime knows, for a select, with `own` in it even when the runtime spells it differently (Asia/Saigon). */
export function zoneOptions(own: string): { value: string; label: string }[] {
  return [...new Set([own, "UTC", ...Intl.supportedValuesOf("timeZone")])].map((z) => ({
    value: z,
    label: z,
  }));
}
