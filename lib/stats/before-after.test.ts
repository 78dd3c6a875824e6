import { describe, expect, it } from "vitest";
import { compareMeans, compareProportions, compareRates } from "./before-after";
import { beforeAfterSentence, formatP, meanUnit, percentUnit, rateUnit } from "./sentences";

// Known answers computed by hand (and in Python with math.erf) for the same data.
describe("before/after", () => {
  it("two proportions: 61/100 → 72/100 gives z = 1.648, p = 0.099", () => {
    const c = compareProportions({ successes: 61, n: 100 }, { successes: 72, n: 100 });
    expect(c.difference).toBeCloseTo(0.11, 10);
    expect(c.pValue).toBeCloseTo(0.09936, 4);
    expect(c.tooSmall).toBe(false);
    expect(beforeAfterSentence(c, percentUnit("satisfaction"))).toBe(
      "Satisfaction rose from 61% to 72%; this could be chance, p = 0.10, n = 200 (95% interval −2.0 points to +24.0 points).",
    );
  });

  it("two proportions: 610/1000 → 720/1000 is unlikely to be chance", () => {
    const c = compareProportions({ successes: 610, n: 1000 }, { successes: 720, n: 1000 });
    expect(c.pValue).toBeCloseTo(1.8754e-7, 9);
    expect(c.ciLow).toBeCloseTo(0.068911, 5);
    expect(beforeAfterSentence(c, percentUnit("satisfaction"))).toMatch(
      /^Satisfaction rose from 61% to 72%; this is unlikely to be chance, p < 0.001, n = 2000/,
    );
  });

  it("warns when the samples are too small", () => {
    const c = compareProportions({ successes: 6, n: 12 }, { successes: 8, n: 9 });
    expect(c.tooSmall).toBe(true);
    expect(beforeAfterSentence(c, percentUnit("satisfaction"))).toMatch(
      /^Too few answers to tell: 12 before and 9 after/,
    );
  });

  it("means by Welch: 1..5 against 3..7 gives t = 2 on 8 df, p = 0.0805", () => {
    const sample = (xs: number[]) => ({
      n: xs.length,
      sum: xs.reduce((a, b) => a + b, 0),
      sumSquares: xs.reduce((a, b) => a + b * b, 0),
    });
    const c = compareMeans(sample([1, 2, 3, 4, 5]), sample([3, 4, 5, 6, 7]));
    expect(c.difference).toBe(2);
    expect(c.pValue).toBeCloseTo(0.08052, 4);
    expect(c.ciLow).toBeCloseTo(2 - 2.306004, 4);
    expect(c.tooSmall).toBe(true);
    expect(beforeAfterSentence(c, meanUnit("effort"))).toMatch(/^Too few answers/);
  });

  it("rates: an exact test that halves and a steady rate", () => {
    const halved = compareRates({ count: 80, days: 28 }, { count: 40, days: 28 });
    expect(halved.before).toBeCloseTo(20, 10);
    expect(halved.after).toBeCloseTo(10, 10);
    // Given 120 events over equal time, P(Bin(120, ½) ≤ 40) doubled.
    expect(halved.pValue).toBeLessThan(0.001);
    expect(beforeAfterSentence(halved, rateUnit("complaints about billing"))).toMatch(
      /^Complaints about billing fell from 20.0 a week to 10.0 a week; this is unlikely to be chance/,
    );
    const same = compareRates({ count: 50, days: 28 }, { count: 50, days: 28 });
    expect(same.pValue).toBe(1);
  });

  it("formats p-values as people read them", () => {
    expect(formatP(0.0004)).toBe("p < 0.001");
    expect(formatP(0.0043)).toBe("p = 0.004");
    expect(formatP(0.0123)).toBe("p = 0.01");
    expect(formatP(0.2)).toBe("p = 0.20");
  });
});
