import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { responseRollups } from "@/db/schema";
import { csatPercent, netPromoterScore } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { bucketLabel, bucketsBetween, responseRollupWhere } from "./response-filter";

export type TrendBucket = {
  bucket: number;
  label: string;
  sent: number;
  responses: number;
  csat: number | null;
  csatCount: number;
  nps: number | null;
  npsCount: number;
  ces: number | null;
  cesCount: number;
  responseRate: number | null;
};

/**
 * CSAT %, NPS, CES and response rate per week or month of the sessions' start, from the rollups
 * (a few hundred rows at most), with the number of answers behind each figure.
 */
export async function dashboardTrends(actor: Actor, f: DashboardFilters) {
  assertCan(actor, "dashboard.read");
  const rows = await db
    .select({
      bucket: responseRollups.bucket,
      sent: sql<number>`sum(${responseRollups.sent})`,
      responses: sql<number>`sum(${responseRollups.responses})`,
      csatCount: sql<number>`sum(${responseRollups.csatCount})`,
      npsCount: sql<number>`sum(${responseRollups.npsCount})`,
      satisfied: sql<number>`sum(${responseRollups.csatSatisfied})`,
      promoters: sql<number>`sum(${responseRollups.npsPromoters})`,
      detractors: sql<number>`sum(${responseRollups.npsDetractors})`,
      cesCount: sql<number>`sum(${responseRollups.cesCount})`,
      cesSum: sql<number>`sum(${responseRollups.cesSum})`,
    })
    .from(responseRollups)
    .where(responseRollupWhere(f.grain, f, f.fromMs, f.toMs))
    .groupBy(responseRollups.bucket);
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const buckets: TrendBucket[] = bucketsBetween(f.grain, f.fromMs, f.toMs).map((bucket) => {
    const r = byBucket.get(bucket);
    const responses = r?.responses ?? 0;
    const sent = r?.sent ?? 0;
    const cesCount = r?.cesCount ?? 0;
    return {
      bucket,
      label: bucketLabel(f.grain, bucket),
      sent,
      responses,
      csat: csatPercent(r?.satisfied ?? 0, r?.csatCount ?? 0),
      csatCount: r?.csatCount ?? 0,
      nps: netPromoterScore(r?.promoters ?? 0, r?.detractors ?? 0, r?.npsCount ?? 0),
      npsCount: r?.npsCount ?? 0,
      ces: cesCount === 0 ? null : Math.round(((r?.cesSum ?? 0) / cesCount) * 100) / 100,
      cesCount,
      responseRate: sent === 0 ? null : Math.round((Math.min(responses, sent) / sent) * 1000) / 10,
    };
  });
  const total = rows.reduce(
    (t, r) => ({
      responses: t.responses + r.responses,
      csatCount: t.csatCount + r.csatCount,
      npsCount: t.npsCount + r.npsCount,
      sent: t.sent + r.sent,
      satisfied: t.satisfied + r.satisfied,
      promoters: t.promoters + r.promoters,
      detractors: t.detractors + r.detractors,
      cesCount: t.cesCount + r.cesCount,
      cesSum: t.cesSum + r.cesSum,
    }),
    {
      responses: 0,
      csatCount: 0,
      npsCount: 0,
      sent: 0,
      satisfied: 0,
      promoters: 0,
      detractors: 0,
      cesCount: 0,
      cesSum: 0,
    },
  );
  return {
    grain: f.grain,
    buckets,
    totals: {
      responses: total.responses,
      csat: csatPercent(total.satisfied, total.csatCount),
      nps: netPromoterScore(total.promoters, total.detractors, total.npsCount),
      ces: total.cesCount === 0 ? null : Math.round((total.cesSum / total.cesCount) * 100) / 100,
      responseRate:
        total.sent === 0
          ? null
          : Math.round((Math.min(total.responses, total.sent) / total.sent) * 1000) / 10,
    },
  };
}
export type DashboardTrends = Awaited<ReturnType<typeof dashboardTrends>>;
