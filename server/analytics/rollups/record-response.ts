import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { customers, invitations, responseRollups, sessions, surveys } from "@/db/schema";
import { bucketStart, ROLLUP_GRAINS } from "@/lib/domain/rollups";

/**
 * Where a survey's figures are counted: the session's format, the customer's segment, and the
 * bucket of the day the survey was sent (so a late answer lands beside its survey, and the
 * response rate of a week is exact).
 */
type Slice = { format: string; sentAt: Date; segment: string };

async function sliceOfSurvey(tx: Tx, surveyId: string): Promise<Slice | null> {
  const [row] = await tx
    .select({ format: sessions.format, sentAt: surveys.sentAt, segment: customers.segment })
    .from(surveys)
    .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
    .leftJoin(invitations, eq(invitations.id, surveys.invitationId))
    .leftJoin(customers, eq(customers.id, invitations.customerId))
    .where(eq(surveys.id, surveyId));
  return row ? { format: row.format, sentAt: row.sentAt, segment: row.segment ?? "" } : null;
}

type Counts = {
  sent?: number;
  responses?: number;
  csatCount?: number;
  npsCount?: number;
  csatSatisfied?: number;
  npsPromoters?: number;
  npsDetractors?: number;
  cesCount?: number;
  cesSum?: number;
  cesSumSquares?: number;
};

/** Adds (or, with negative counts, takes away) one slice's counts in the day, week and month buckets. */
export async function addToResponseRollups(tx: Tx, slice: Slice, language: string, counts: Counts) {
  const c = {
    sent: 0,
    responses: 0,
    csatCount: 0,
    npsCount: 0,
    csatSatisfied: 0,
    npsPromoters: 0,
    npsDetractors: 0,
    cesCount: 0,
    cesSum: 0,
    cesSumSquares: 0,
    ...counts,
  };
  const rows = ROLLUP_GRAINS.map((grain) => ({
    grain,
    bucket: bucketStart(grain, slice.sentAt),
    format: slice.format,
    segment: slice.segment,
    language,
    ...c,
  }));
  const plus = (col: keyof typeof c) =>
    sql`${sql.identifier(responseRollups[col].name)} + excluded.${sql.identifier(responseRollups[col].name)}`;
  await tx
    .insert(responseRollups)
    .values(rows)
    .onConflictDoUpdate({
      target: [
        responseRollups.grain,
        responseRollups.bucket,
        responseRollups.format,
        responseRollups.segment,
        responseRollups.language,
      ],
      set: {
        sent: plus("sent"),
        responses: plus("responses"),
        csatCount: plus("csatCount"),
        npsCount: plus("npsCount"),
        csatSatisfied: plus("csatSatisfied"),
        npsPromoters: plus("npsPromoters"),
        npsDetractors: plus("npsDetractors"),
        cesCount: plus("cesCount"),
        cesSum: plus("cesSum"),
        cesSumSquares: plus("cesSumSquares"),
      },
    });
}

export type ResponseValues = {
  surveyId: string;
  /** Null when the survey's template did not ask it (or the customer skipped it). */
  csat: number | null;
  nps: number | null;
  /** Customer Effort Score 1–7, when the survey asked it. */
  ces?: number | null;
  language: string;
};

export function responseCounts(v: Pick<ResponseValues, "csat" | "nps" | "ces">, sign: 1 | -1 = 1): Counts {
  const ces = v.ces ?? null;
  return {
    responses: sign,
    csatCount: v.csat !== null ? sign : 0,
    npsCount: v.nps !== null ? sign : 0,
    csatSatisfied: v.csat !== null && v.csat >= 4 ? sign : 0,
    npsPromoters: v.nps !== null && v.nps >= 9 ? sign : 0,
    npsDetractors: v.nps !== null && v.nps <= 6 ? sign : 0,
    cesCount: ces === null ? 0 : sign,
    cesSum: ces === null ? 0 : sign * ces,
    cesSumSquares: ces === null ? 0 : sign * ces * ces,
  };
}

/**
 * THE call for every new survey answer: in the same transaction as the insert of the response
 * row, with the values just saved. A late answer (weeks after its survey) lands in its
 * survey's bucket like any other.
 */
export async function recordResponseInRollups(tx: Tx, v: ResponseValues): Promise<void> {
  const slice = await sliceOfSurvey(tx, v.surveyId);
  if (slice) await addToResponseRollups(tx, slice, v.language, responseCounts(v));
}

/** For every survey sent (the response rate's denominator), in the transaction that creates it. */
export async function recordSurveySentInRollups(tx: Tx, surveyId: string, language: string): Promise<void> {
  const slice = await sliceOfSurvey(tx, surveyId);
  if (slice) await addToResponseRollups(tx, slice, language, { sent: 1 });
}
