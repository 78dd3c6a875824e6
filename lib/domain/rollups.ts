// The grains the dashboard's rollups keep: trends read weeks and months, before/after reads days.
export const ROLLUP_GRAINS = ["day", "week", "month"] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

const DAY_MS = 86_400_000;

/** Start of the UTC bucket holding `at`: the day, the ISO week (Monday) or the calendar month. */
export function bucketStart(grain: RollupGrain, at: Date | number): number {
  const ms = typeof at === "number" ? at : at.getTime();
  const day = Math.floor(ms / DAY_MS);
  if (grain === "day") return day * DAY_MS;
  if (grain === "week") return (day - ((day + 3) % 7)) * DAY_MS; // 1970-01-01 was a Thursday
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
