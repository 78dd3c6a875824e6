import { describe, expect, it } from "vitest";
import { csatPercent, monthlyCost, netPromoterScore } from "./scoring";

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
