import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { actions, reasonCodeRollups, reasonCodes, responseRollups } from "@/db/schema";
import { type Comparison, compareMeans, compareProportions, compareRates } from "@/lib/stats/before-after";
import { beforeAfterSentence, meanUnit, percentUnit, rateUnit } from "@/lib/stats/sentences";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { responseRollupWhere } from "./response-filter";

const DAY = 86_400_000;
/** Days compared on each side of the date. */
export const WINDOW_DAYS = 56;

export type BeforeAfterPart = { measure: string; comparison: Comparison; sentence: string };

/**
 * CSAT %, CES and complaints with the chosen reason codes in the 8 weeks before the date against
 * the 8 weeks from it (the after side ends today if that is sooner). Without a date in the URL it
 * is the day the most recent action was verified: "did the last fix work?".
 */
export async function beforeAfter(actor: Actor, f: DashboardFilters, now = new Date()) {
  assertCan(actor, "dashboard.read");
  let fixMs = f.fixMs;
  let about: string | null = null;
  if (fixMs === undefined) {
    const [last] = await db
      .select({ title: actions.title, verifiedAt: actions.verifiedAt })
      .from(actions)
      .where(isNotNull(actions.verifiedAt))
      .orderBy(desc(actions.verifiedAt))
      .limit(1);
    if (!last?.verifiedAt) return null;
    fixMs = Math.floor(last.verifiedAt.getTime() / DAY) * DAY;
    about = last.title;
  }
  const beforeFrom = fixMs - WINDOW_DAYS * DAY;
  const afterTo = Math.min(fixMs + WINDOW_DAYS * DAY, Math.floor(now.getTime() / DAY) * DAY + DAY);
  const side = async (from: number, to: number) => {
    const [r] = await db
      .select({
        responses: sql<number>`coalesce(sum(${responseRollups.csatCount}), 0)`,
        satisfied: sql<number>`coalesce(sum(${responseRollups.csatSatisfied}), 0)`,
        cesCount: sql<number>`coalesce(sum(${responseRollups.cesCount}), 0)`,
        cesSum: sql<number>`coalesce(sum(${responseRollups.cesSum}), 0)`,
        cesSumSquares: sql<number>`coalesce(sum(${responseRollups.cesSumSquares}), 0)`,
      })
      .from(responseRollups)
      .where(responseRollupWhere("day", f, from, to));
    return r ?? { responses: 0, satisfied: 0, cesCount: 0, cesSum: 0, cesSumSquares: 0 };
  };
  const codeRows = f.codes.length
    ? await db
        .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
        .from(reasonCodes)
        .where(inArray(reasonCodes.number, f.codes))
    : [];
  const complaints = async (from: number, to: number) => {
    const [r] = await db
      .select({ n: sql<number>`coalesce(sum(${reasonCodeRollups.mentions}), 0)` })
      .from(reasonCodeRollups)
      .where(
        and(
          eq(reasonCodeRollups.grain, "day"),
          gte(reasonCodeRollups.bucket, from),
          lt(reasonCodeRollups.bucket, to),
          codeRows.length
            ? inArray(
                reasonCodeRollups.reasonCodeId,
                codeRows.map((c) => c.id),
              )
            : undefined,
          f.department ? eq(reasonCodeRollups.departmentId, f.department) : undefined,
        ),
      );
    return r?.n ?? 0;
  };
  const [b, a, cb, ca] = await Promise.all([
    side(beforeFrom, fixMs),
    side(fixMs, afterTo),
    complaints(beforeFrom, fixMs),
    complaints(fixMs, afterTo),
  ]);
  const parts: BeforeAfterPart[] = [];
  const csat = compareProportions(
    { successes: b.satisfied, n: b.responses },
    { successes: a.satisfied, n: a.responses },
  );
  parts.push({
    measure: "CSAT",
    comparison: csat,
    sentence: beforeAfterSentence(csat, percentUnit("satisfaction")),
  });
  if (b.cesCount + a.cesCount > 0) {
    const ces = compareMeans(
      { n: b.cesCount, sum: b.cesSum, sumSquares: b.cesSumSquares },
      { n: a.cesCount, sum: a.cesSum, sumSquares: a.cesSumSquares },
    );
    parts.push({
      measure: "CES",
      comparison: ces,
      sentence: beforeAfterSentence(ces, meanUnit("effort (CES, 1–7)")),
    });
  }
  const codesLabel = codeRows.length
    ? codeRows.map((c) => `#${c.number} ${c.label}`).join(", ")
    : "any reason code";
  const rates = compareRates(
    { count: cb, days: WINDOW_DAYS },
    { count: ca, days: Math.max(1, (afterTo - fixMs) / DAY) },
  );
  parts.push({
    measure: "Complaints",
    comparison: rates,
    sentence: beforeAfterSentence(rates, rateUnit(`mentions of ${codesLabel}`)),
  });
  return { fixMs, about, beforeFrom, afterTo, codes: codeRows, parts };
}
export type BeforeAfter = NonNullable<Awaited<ReturnType<typeof beforeAfter>>>;
