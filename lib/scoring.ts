/** CSAT %: share of 4s and 5s on the 1–5 scale, 0–100 (null without answers). */
export function csatPercent(satisfied: number, total: number): number | null {
  return total === 0 ? null : Math.round((satisfied / total) * 1000) / 10;
}

/** NPS: % promoters (9–10) minus % detractors (0–6), −100…100 (null without answers). */
export function netPromoterScore(promoters: number, detractors: number, total: number): number | null {
  return total === 0 ? null : Math.round(((promoters - detractors) / total) * 1000) / 10;
}

/*
 * Scores from a list of answers, one entry per submitted response. The rule for partial
 * responses, the same for every score: a response that left the question unanswered (optional,
 * or hidden by a condition) is not in that score's n — it neither lowers nor raises it — and a
 * survey only saved part way (never submitted) is not a response at all: it counts as sent, not
 * as answered. A value outside the scale is not an answer either (it cannot be stored; this keeps
 * the arithmetic honest if it ever were).
 */

export type Score = { value: number | null; n: number };

const tenth = (x: number) => Math.round(x * 10) / 10;

function answered(values: readonly (number | null | undefined)[], min: number, max: number): number[] {
  return values.filter(
    (v): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max,
  );
}

/** CSAT %: share of 4s and 5s among the 1–5 answers, 0–100 to one decimal; null when n = 0. */
export function csatScore(values: readonly (number | null | undefined)[]): Score {
  const got = answered(values, 1, 5);
  return { value: csatPercent(got.filter((v) => v >= 4).length, got.length), n: got.length };
}

/** NPS: % promoters (9–10) − % detractors (0–6) among the 0–10 answers, −100…100; with its n. */
export function npsScore(values: readonly (number | null | undefined)[]): Score {
  const got = answered(values, 0, 10);
  return {
    value: netPromoterScore(got.filter((v) => v >= 9).length, got.filter((v) => v <= 6).length, got.length),
    n: got.length,
  };
}

/** CES: the mean of the 1–7 answers (7 = very easy), to one decimal; null when n = 0. */
export function cesScore(values: readonly (number | null | undefined)[]): Score {
  const got = answered(values, 1, 7);
  return { value: got.length ? tenth(got.reduce((a, b) => a + b, 0) / got.length) : null, n: got.length };
}

/** Response rate: submitted responses ÷ surveys sent, as a %, to one decimal; null when none sent. */
export function responseRate(submitted: number, sent: number): Score {
  return { value: sent === 0 ? null : tenth((Math.min(submitted, sent) / sent) * 100), n: sent };
}

/** Monthly cost of a reason: contacts × handling time × hourly cost + customers at risk × lifetime value. */
export function monthlyCost(i: {
  contactsPerMonth: number;
  handlingMinutes: number;
  hourlyCost: number;
  customersAtRisk: number;
  lifetimeValue: number;
}): number {
  return Math.round(
    (i.contactsPerMonth * i.handlingMinutes * i.hourlyCost) / 60 + i.customersAtRisk * i.lifetimeValue,
  );
}
