import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import vi from "@/messages/vi.json";
import zh from "@/messages/zh.json";
import { LOCALES } from "./config";
import { FALLBACK_ERROR_TEXTS } from "./fallback-error-texts";

const MESSAGES = { en, zh, vi };

describe("fallback error texts", () => {
  it.each(LOCALES)("are the errors keys of messages/%s.json, word for word", (locale) => {
    const m = MESSAGES[locale].errors;
    expect(FALLBACK_ERROR_TEXTS[locale]).toEqual({
      title: m.errorTitle,
      body: m.errorBody,
      retry: m.retry,
      back: m.backToStart,
      backToInvitation: m.backToInvitation,
    });
  });
});
