import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
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
  return (await slicesOfSurveys(tx, [surveyId])).get(surveyId) ?? null;
}

/** The slices of many surveys with one query. */
async function slicesOfSurveys(tx: Tx, surveyIds: string[]): Promise<Map<string, Slice>> {
  const rows = await tx
    .select({ id: surveys.id, format: sessions.format, sentAt: surveys.sentAt, segment: customers.segment })
    .from(surveys)
    .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
    .leftJoin(invitations, eq(invitations.id, surveys.invitationId))
    .leftJoin(customers, eq(customers.id, invitations.customerId))
    .where(inArray(surveys.id, surveyIds));
  return new Map(rows.map((r) => [r.id, { format: r.format, sentAt: r.sentAt, segment: r.segment ?? "" }]));
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

const ZERO = {
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
} satisfies Required<Counts>;
type Row = typeof responseRollups.$inferInsert & Required<Counts>;

/** The day, week and month rows of one slice's counts. */
const rowsOf = (slice: Slice, language: string, counts: Counts): Row[] =>
  ROLLUP_GRAINS.map((grain) => ({
    grain,
    bucket: bucketStart(grain, slice.sentAt),
    format: slice.format,
    segment: slice.segment,
    language,
    ...ZERO,
    ...counts,
  }));

/** Adds the rows' counts to the stored ones, one statement (the rows' keys must be distinct). */
async function addRows(tx: Tx, rows: Row[]) {
  if (!rows.length) return;
  const plus = (col: keyof Counts) =>
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
      set: Object.fromEntries(Object.keys(ZERO).map((col) => [col, plus(col as keyof Counts)])),
    });
}

/** Adds (or, with negative counts, takes away) one slice's counts in the day, week and month buckets. */
export async function addToResponseRollups(tx: Tx, slice: Slice, language: string, counts: Counts) {
  await addRows(tx, rowsOf(slice, language, counts));
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
 * THE call for new survey answers: in the same transaction as the insert of the response rows,
 * with the values just saved. A late answer (weeks after its survey) lands in its survey's bucket
 * like any other. A batch of answers (the submit's group commit) costs two statements, whatever
 * its size: one query for the surveys' slices, one upsert of the summed counts.
 */
export async function recordResponsesInRollups(tx: Tx, values: ResponseValues[]): Promise<void> {
  if (!values.length) return;
  const slices = await slicesOfSurveys(tx, [...new Set(values.map((v) => v.surveyId))]);
  const sums = new Map<string, Row>();
  for (const v of values) {
    const slice = slices.get(v.surveyId);
    if (!slice) continue;
    const counts = responseCounts(v);
    for (const row of rowsOf(slice, v.language, counts)) {
      const key = JSON.stringify([row.grain, row.bucket, row.format, row.segment, row.language]);
      const sum = sums.get(key);
      if (!sum) sums.set(key, row);
      else for (const col of Object.keys(ZERO) as (keyof Counts)[]) sum[col] += row[col];
    }
  }
  await addRows(tx, [...sums.values()]);
}

export async function recordResponseInRollups(tx: Tx, v: ResponseValues): Promise<void> {
  await recordResponsesInRollups(tx, [v]);
}

/** For every survey sent (the response rate's denominator), in the transaction that creates it. */
export async function recordSurveySentInRollups(tx: Tx, surveyId: string, language: string): Promise<void> {
  const slice = await sliceOfSurvey(tx, surveyId);
  if (slice) await addToResponseRollups(tx, slice, language, { sent: 1 });
}
