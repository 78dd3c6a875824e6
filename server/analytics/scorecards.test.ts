import { describe, expect, it } from "vitest";
import { histogramMedian } from "./scorecards";

describe("median from a histogram of days", () => {
  it("matches the median of the values it counts", () => {
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([{ days: 4, actions: 1 }])).toBe(4);
    // 1, 2, 2, 9 → 2; 1, 2, 2, 9, 9 → 2; 1, 9 → 5
    expect(
      histogramMedian([
        { days: 9, actions: 1 },
        { days: 1, actions: 1 },
        { days: 2, actions: 2 },
      ]),
    ).toBe(2);
    expect(
      histogramMedian([
        { days: 9, actions: 2 },
        { days: 1, actions: 1 },
        { days: 2, actions: 2 },
      ]),
    ).toBe(2);
    expect(
      histogramMedian([
        { days: 1, actions: 1 },
        { days: 9, actions: 1 },
      ]),
    ).toBe(5);
    expect(
      histogramMedian([
        { days: 3, actions: 0 },
        { days: 5, actions: 2 },
      ]),
    ).toBe(5);
  });
});
