import { describe, expect, it } from "vitest";
import { defaultOptions, optionsFromEnv } from "./config";

describe("optionsFromEnv", () => {
  it("uses loopback and the development credentials by default", () => {
    const o = optionsFromEnv({});
    expect(o.host).toBe("127.0.0.1");
    expect(o.port).toBe(7880);
    expect(o.apiKey).toBe(defaultOptions.apiKey);
    expect(o.apiSecret.length).toBeGreaterThanOrEqual(32);
    expect(o.webhookUrls).toEqual([]);
  });

  it("reads every variable", () => {
    const o = optionsFromEnv({
      LIVEKIT_DEV_PORT: "7990",
      LIVEKIT_DEV_HOST: "0.0.0.0",
      LIVEKIT_API_KEY: "k",
      LIVEKIT_API_SECRET: "s".repeat(32),
      LIVEKIT_WEBHOOK_URL: "http://127.0.0.1:3000/api/livekit/webhook",
      LIVEKIT_DEV_EMPTY_TIMEOUT: "5",
      LIVEKIT_DEV_DEPARTURE_TIMEOUT: "2",
    });
    expect(o).toMatchObject({
      port: 7990,
      host: "0.0.0.0",
      apiKey: "k",
      emptyTimeout: 5,
      departureTimeout: 2,
    });
    expect(o.webhookUrls).toEqual(["http://127.0.0.1:3000/api/livekit/webhook"]);
  });

  it("refuses a short secret and a malformed webhook URL", () => {
    expect(() => optionsFromEnv({ LIVEKIT_API_SECRET: "short" })).toThrow(/32/);
    expect(() => optionsFromEnv({ LIVEKIT_WEBHOOK_URL: "not a url" })).toThrow();
  });
});
