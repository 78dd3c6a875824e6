import "server-only";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import { responseRollups } from "@/db/schema";
import { bucketStart, type RollupGrain } from "@/lib/domain/rollups";
import type { DashboardFilters } from "@/lib/validation/dashboard";

/** The rollup rows a view of the dashboard reads: one grain, the buckets in range, the slice chosen. */
export function responseRollupWhere(
  grain: RollupGrain,
  f: Pick<DashboardFilters, "format" | "segment" | "language">,
  fromMs: number,
  toMs: number,
): SQL | undefined {
  return and(
    eq(responseRollups.grain, grain),
    gte(responseRollups.bucket, bucketStart(grain, fromMs)),
    lt(responseRollups.bucket, toMs),
    f.format ? eq(responseRollups.format, f.format) : undefined,
    f.segment !== undefined ? eq(responseRollups.segment, f.segment === "none" ? "" : f.segment) : undefined,
    f.language ? eq(responseRollups.language, f.language) : undefined,
  );
}

const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" });

/** "3 Nov" for the week starting on Monday 3 November; "Nov 25" for a month. */
export const bucketLabel = (grain: RollupGrain, bucket: number) =>
  grain === "month" ? monthYear.format(bucket) : dayMonth.format(bucket);

/** Every bucket start from the one holding fromMs up to toMs, so empty weeks show as gaps. */
export function bucketsBetween(grain: "week" | "month", fromMs: number, toMs: number): number[] {
  const out: number[] = [];
  let b = bucketStart(grain, fromMs);
  while (b < toMs) {
    out.push(b);
    if (grain === "week") b += 7 * 86_400_000;
    else {
      const d = new Date(b);
      b = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
  return out;
}
