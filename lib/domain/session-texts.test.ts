import { describe, expect, it } from "vitest";
import { sessionTextsIn } from "./session-texts";

const session = {
  title: "Billing after the tariff change",
  description: "We want to hear how the new bill reads.",
  agenda: "Welcome\nYour stories",
  translations: { vi: { title: "Hóa đơn sau khi đổi giá", description: "  ", agenda: "" }, zh: {} },
};

describe("sessionTextsIn", () => {
  it("gives each field in the customer's language, else English, never empty", () => {
    expect(sessionTextsIn(session, "vi")).toEqual({
      title: "Hóa đơn sau khi đổi giá",
      description: "We want to hear how the new bill reads.",
      agenda: "Welcome\nYour stories",
    });
    expect(sessionTextsIn(session, "zh")).toEqual({
      title: session.title,
      description: session.description,
      agenda: session.agenda,
    });
    expect(sessionTextsIn({ ...session, translations: null }, "en").title).toBe(session.title);
  });
});
