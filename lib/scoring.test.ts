import { describe, expect, it } from "vitest";
import {
  cesScore,
  csatPercent,
  csatScore,
  monthlyCost,
  netPromoterScore,
  npsScore,
  responseRate,
} from "./scoring";

describe("scores", () => {
  it("computes CSAT % and NPS, and null without answers", () => {
    expect(csatPercent(3, 4)).toBe(75);
    expect(netPromoterScore(5, 2, 10)).toBe(30);
    expect(netPromoterScore(0, 3, 3)).toBe(-100);
    expect(csatPercent(0, 0)).toBeNull();
    expect(netPromoterScore(0, 0, 0)).toBeNull();
  });

  it("costs a reason per month", () => {
    expect(
      monthlyCost({
        contactsPerMonth: 1200,
        handlingMinutes: 6,
        hourlyCost: 30,
        customersAtRisk: 10,
        lifetimeValue: 900,
      }),
    ).toBe(3600 + 9000);
  });
});

describe("survey scores with partial responses", () => {
  it("CSAT %: share of 4–5; unanswered (null) is out of n", () => {
    expect(csatScore([5, 4, 3, 1])).toEqual({ value: 50, n: 4 });
    expect(csatScore([5, null, undefined, 2])).toEqual({ value: 50, n: 2 });
    expect(csatScore([4, 4, 5])).toEqual({ value: 100, n: 3 });
    expect(csatScore([null])).toEqual({ value: null, n: 0 });
    expect(csatScore([2, 2, 5])).toEqual({ value: 33.3, n: 3 });
  });

  it("NPS: promoters − detractors with n; passives count in n only", () => {
    expect(npsScore([10, 9, 8, 7, 0])).toEqual({ value: 20, n: 5 });
    expect(npsScore([6, 6, null, 10])).toEqual({ value: -33.3, n: 3 });
    expect(npsScore([7, 8])).toEqual({ value: 0, n: 2 });
    expect(npsScore([])).toEqual({ value: null, n: 0 });
  });

  it("CES: the mean of 1–7, out-of-scale and unanswered ignored", () => {
    expect(cesScore([7, 6, 5])).toEqual({ value: 6, n: 3 });
    expect(cesScore([1, 2, null, 8, 0])).toEqual({ value: 1.5, n: 2 });
    expect(cesScore([3, 4, 4])).toEqual({ value: 3.7, n: 3 });
    expect(cesScore([])).toEqual({ value: null, n: 0 });
  });

  it("response rate: submitted ÷ sent; a partial save is not a response", () => {
    expect(responseRate(3, 4)).toEqual({ value: 75, n: 4 });
    expect(responseRate(0, 0)).toEqual({ value: null, n: 0 });
    expect(responseRate(1, 3)).toEqual({ value: 33.3, n: 3 });
    expect(responseRate(5, 4).value).toBe(100);
  });
});
