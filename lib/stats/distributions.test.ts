import { describe, expect, it } from "vitest";
import {
  binomialUpperTail,
  lnGamma,
  normalCdf,
  normalQuantile,
  poissonUpperTail,
  studentTQuantile,
  studentTTwoSided,
} from "./distributions";

// Reference values: binomial and Poisson tails summed exactly with rational arithmetic (Python
// fractions); normal and t values from standard tables.
describe("distributions", () => {
  it("lnGamma matches factorials", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it("binomial upper tail is exact", () => {
    expect(binomialUpperTail(3, 10, 0.5)).toBeCloseTo(0.9453125, 12);
    expect(binomialUpperTail(12, 90, 1 / 9)).toBeCloseTo(0.2961938683680729, 10);
    expect(binomialUpperTail(30, 100, 1 / 9) / 2.518793484092318e-7).toBeCloseTo(1, 8);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });

  it("Poisson upper tail is exact", () => {
    expect(poissonUpperTail(15, 5) / 0.00022625367617690184).toBeCloseTo(1, 8);
    expect(poissonUpperTail(0, 5)).toBe(1);
  });

  it("normal CDF and quantile agree with the table and each other", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });

  it("Student t matches the table", () => {
    expect(studentTTwoSided(2.306004, 8)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSided(2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(studentTTwoSided(0, 5)).toBeCloseTo(1, 10);
    expect(studentTQuantile(0.95, 8)).toBeCloseTo(2.306004, 5);
    expect(studentTQuantile(0.95, 1e6)).toBeCloseTo(1.959964, 4);
  });
});
