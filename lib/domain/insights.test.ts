import { describe, expect, it } from "vitest";
import { quadrantOf } from "./insights";

describe("quadrantOf", () => {
  it("places each combination of the two axes in its quadrant", () => {
    expect(quadrantOf("irritant", "irritant")).toBe("eliminate");
    expect(quadrantOf("irritant", "value")).toBe("simplify");
    expect(quadrantOf("value", "irritant")).toBe("automate");
    expect(quadrantOf("value", "value")).toBe("leverage");
  });
});
