import { binomialUpperTail } from "./distributions";
import { holmAdjust } from "./multiple-testing";

/** Weeks of history each code's current week is compared with. */
export const BASELINE_WEEKS = 8;

export const EMERGING_DEFAULTS = { alpha: 0.05, minCount: 5, minRatio: 1.5 } as const;

/** The test, in the words the page and the decision record use. */
export const EMERGING_TEST_DESCRIPTION =
  "A reason code is flagged when this week's count is well above its trailing 8-week level: an exact " +
  "one-sided Poisson rate test (this week against the 8 weeks before, conditional on their total), " +
  "with Holm's correction for the number of codes tested (family-wise false-alarm rate 5%), at least " +
  "5 mentions this week and at least 1.5× the weekly average.";

export type CodeSeries = {
  id: string;
  label: string /** oldest first; the last entry is the current week */;
  weekly: readonly number[];
};

export type EmergingResult = {
  id: string;
  label: string;
  current: number;
  baselineMean: number;
  ratio: number | null;
  pValue: number;
  adjustedP: number;
  flagged: boolean;
};

/**
 * One-sided exact test that the current week's rate exceeds the baseline rate. Under the null both
 * counts are Poisson with the same weekly rate, so given their total n the current week's count is
 * Binomial(n, 1 / (1 + weeks)): the p-value needs no estimate of the rate (no plug-in bias).
 */
export function poissonRiseP(current: number, baselineTotal: number, baselineWeeks: number): number {
  const n = current + baselineTotal;
  return binomialUpperTail(current, n, 1 / (1 + baselineWeeks));
}

export function detectEmerging(
  series: readonly CodeSeries[],
  options: Partial<{ alpha: number; minCount: number; minRatio: number }> = {},
): EmergingResult[] {
  const { alpha, minCount, minRatio } = { ...EMERGING_DEFAULTS, ...options };
  const rows = series.map((s) => {
    const current = s.weekly.at(-1) ?? 0;
    const baseline = s.weekly.slice(-1 - BASELINE_WEEKS, -1);
    const weeks = baseline.length;
    const total = baseline.reduce((a, b) => a + b, 0);
    const baselineMean = weeks === 0 ? 0 : total / weeks;
    return {
      id: s.id,
      label: s.label,
      current,
      baselineMean,
      ratio: baselineMean === 0 ? null : current / baselineMean,
      pValue: weeks === 0 ? 1 : poissonRiseP(current, total, weeks),
    };
  });
  const adjusted = holmAdjust(rows.map((r) => r.pValue));
  return rows.map((r, i) => {
    const adjustedP = adjusted[i] ?? 1;
    const bigEnough = r.current >= minCount && (r.ratio === null || r.ratio >= minRatio);
    return { ...r, adjustedP, flagged: adjustedP < alpha && bigEnough };
  });
}
