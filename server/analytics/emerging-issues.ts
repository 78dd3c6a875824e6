import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodeRollups, reasonCodes } from "@/db/schema";
import { bucketStart } from "@/lib/domain/rollups";
import { BASELINE_WEEKS, detectEmerging, type EmergingResult } from "@/lib/stats/emerging";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

const WEEK = 7 * 86_400_000;

export type EmergingIssues = {
  /** Monday of the week tested (the last complete week). */
  weekStart: number;
  tested: number;
  flagged: (EmergingResult & { number: number; weekly: number[] })[];
};

/**
 * Reason codes rising well above their usual level: the last complete ISO week against the 8
 * before it, every active code tested (lib/stats/emerging.ts states the test).
 */
export async function emergingIssues(
  actor: Actor,
  f: { department?: string },
  now = new Date(),
): Promise<EmergingIssues> {
  assertCan(actor, "dashboard.read");
  return computeEmergingIssues(f, now);
}

/** The computation, for callers that authorized already (the page) or run as the system (the digest job). */
export async function computeEmergingIssues(f: { department?: string }, now: Date): Promise<EmergingIssues> {
  const weekStart = bucketStart("week", now) - WEEK;
  const first = weekStart - BASELINE_WEEKS * WEEK;
  const rows = await db
    .select({
      id: reasonCodeRollups.reasonCodeId,
      bucket: reasonCodeRollups.bucket,
      mentions: sql<number>`sum(${reasonCodeRollups.mentions})`,
    })
    .from(reasonCodeRollups)
    .where(
      and(
        eq(reasonCodeRollups.grain, "week"),
        gte(reasonCodeRollups.bucket, first),
        lt(reasonCodeRollups.bucket, weekStart + WEEK),
        f.department ? eq(reasonCodeRollups.departmentId, f.department) : undefined,
      ),
    )
    .groupBy(reasonCodeRollups.reasonCodeId, reasonCodeRollups.bucket);
  const codes = await db
    .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
    .from(reasonCodes)
    .where(eq(reasonCodes.active, true));
  const weekly = new Map(codes.map((c) => [c.id, new Array<number>(BASELINE_WEEKS + 1).fill(0)]));
  for (const r of rows) {
    const w = weekly.get(r.id);
    if (w) w[Math.round((r.bucket - first) / WEEK)] = r.mentions;
  }
  const series = codes.map((c) => ({ id: c.id, label: c.label, weekly: weekly.get(c.id) ?? [] }));
  const results = detectEmerging(series);
  const number = new Map(codes.map((c) => [c.id, c.number]));
  return {
    weekStart,
    tested: results.length,
    flagged: results
      .filter((r) => r.flagged)
      .sort((a, b) => a.adjustedP - b.adjustedP)
      .map((r) => ({ ...r, number: number.get(r.id) ?? 0, weekly: weekly.get(r.id) ?? [] })),
  };
}
