import {
  binomialUpperTail,
  normalCdf,
  normalQuantile,
  studentTQuantile,
  studentTTwoSided,
} from "./distributions";

/** Fewer answers than this on either side and the page says it cannot tell. */
export const MIN_SAMPLE = 30;

export type Comparison = {
  before: number;
  after: number;
  difference: number;
  ciLow: number;
  ciHigh: number;
  pValue: number;
  nBefore: number;
  nAfter: number;
  tooSmall: boolean;
  test: string;
};

/**
 * Share before vs after (e.g. CSAT %): two-sided two-proportion z-test with the pooled standard
 * error; the confidence interval of the difference uses the unpooled (Wald) standard error.
 * Shares and differences are fractions (0–1).
 */
export function compareProportions(
  before: { successes: number; n: number },
  after: { successes: number; n: number },
  level = 0.95,
): Comparison {
  const p1 = before.n === 0 ? 0 : before.successes / before.n;
  const p2 = after.n === 0 ? 0 : after.successes / after.n;
  const difference = p2 - p1;
  const pooled = (before.successes + after.successes) / Math.max(1, before.n + after.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / Math.max(1, before.n) + 1 / Math.max(1, after.n)));
  const z = sePooled === 0 ? 0 : difference / sePooled;
  const pValue = sePooled === 0 ? 1 : 2 * (1 - normalCdf(Math.abs(z)));
  const se = Math.sqrt((p1 * (1 - p1)) / Math.max(1, before.n) + (p2 * (1 - p2)) / Math.max(1, after.n));
  const q = normalQuantile(1 - (1 - level) / 2);
  const small = (s: number, n: number) => n < MIN_SAMPLE || s < 5 || n - s < 5;
  return {
    before: p1,
    after: p2,
    difference,
    ciLow: difference - q * se,
    ciHigh: difference + q * se,
    pValue: Math.min(1, pValue),
    nBefore: before.n,
    nAfter: after.n,
    tooSmall: small(before.successes, before.n) || small(after.successes, after.n),
    test: "two-sided two-proportion z-test (pooled), 95% Wald interval",
  };
}

export type MeanSample = { n: number; sum: number; sumSquares: number };

/** Mean before vs after (e.g. CES) from sums, so rollups can feed it: Welch's unequal-variance t-test. */
export function compareMeans(before: MeanSample, after: MeanSample, level = 0.95): Comparison {
  const mean = (s: MeanSample) => (s.n === 0 ? 0 : s.sum / s.n);
  const variance = (s: MeanSample) => (s.n < 2 ? 0 : (s.sumSquares - (s.sum * s.sum) / s.n) / (s.n - 1));
  const m1 = mean(before);
  const m2 = mean(after);
  const v1 = variance(before) / Math.max(1, before.n);
  const v2 = variance(after) / Math.max(1, after.n);
  const se = Math.sqrt(v1 + v2);
  const difference = m2 - m1;
  const df =
    se === 0
      ? 1
      : (v1 + v2) ** 2 / ((v1 * v1) / Math.max(1, before.n - 1) + (v2 * v2) / Math.max(1, after.n - 1));
  const t = se === 0 ? 0 : difference / se;
  const q = studentTQuantile(level, df);
  return {
    before: m1,
    after: m2,
    difference,
    ciLow: difference - q * se,
    ciHigh: difference + q * se,
    pValue: se === 0 ? 1 : studentTTwoSided(t, df),
    nBefore: before.n,
    nAfter: after.n,
    tooSmall: before.n < MIN_SAMPLE || after.n < MIN_SAMPLE,
    test: "two-sided Welch t-test, 95% interval",
  };
}

/**
 * Rate of events (complaints with chosen codes) per week before vs after: an exact two-sided
 * conditional test (given the total, the after count is binomial with the after share of the
 * time); the interval is for the rate ratio on the log scale, reported as a difference per week.
 */
export function compareRates(
  before: { count: number; days: number },
  after: { count: number; days: number },
  level = 0.95,
): Comparison {
  const perWeek = (c: number, d: number) => (d === 0 ? 0 : (c / d) * 7);
  const r1 = perWeek(before.count, before.days);
  const r2 = perWeek(after.count, after.days);
  const n = before.count + after.count;
  const share = after.days / Math.max(1e-9, before.days + after.days);
  const upper = binomialUpperTail(after.count, n, share);
  const lower = 1 - binomialUpperTail(after.count + 1, n, share);
  const pValue = n === 0 ? 1 : Math.min(1, 2 * Math.min(upper, lower));
  const q = normalQuantile(1 - (1 - level) / 2);
  // Rate-ratio interval (0.5 added to empty cells), turned into per-week differences.
  const c1 = before.count || 0.5;
  const c2 = after.count || 0.5;
  const logRatio = Math.log(c2 / Math.max(1e-9, after.days) / (c1 / Math.max(1e-9, before.days)));
  const seLog = Math.sqrt(1 / c1 + 1 / c2);
  return {
    before: r1,
    after: r2,
    difference: r2 - r1,
    ciLow: r1 * Math.exp(logRatio - q * seLog) - r1,
    ciHigh: r1 * Math.exp(logRatio + q * seLog) - r1,
    pValue,
    nBefore: before.count,
    nAfter: after.count,
    tooSmall: n < 10,
    test: "exact two-sided conditional Poisson rate test, 95% interval from the rate ratio",
  };
}
