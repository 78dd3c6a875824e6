import { describe, expect, it } from "vitest";
import { formatEstimate, formatMoney, minorToInput, toMinorUnits } from "./money";

describe("money", () => {
  it("stores amounts in each currency's own minor unit", () => {
    expect(toMinorUnits("25.50", "GBP")).toBe(2550);
    expect(toMinorUnits("0.1", "USD")).toBe(10);
    expect(toMinorUnits("200000", "VND")).toBe(200000);
    expect(toMinorUnits("150", "CNY")).toBe(15000);
  });
  it("formats for the reader and round-trips through the edit form", () => {
    expect(formatMoney(2550, "GBP", "en-GB")).toBe("£25.50");
    expect(formatMoney(200000, "VND", "vi-VN")).toContain("200.000");
    expect(minorToInput(2550, "GBP")).toBe("25.50");
    expect(minorToInput(200000, "VND")).toBe("200000");
  });
});

describe("formatEstimate", () => {
  it("rounds to whole units in the company's currency", () => {
    expect(formatEstimate(1240.6, "GBP")).toBe("£1,241");
    expect(formatEstimate(1240.6, "EUR", "en-GB")).toBe("€1,241");
    expect(formatEstimate(2_500_000, "VND", "vi-VN")).toContain("2.500.000");
  });
});
