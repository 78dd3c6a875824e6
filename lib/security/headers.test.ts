import { describe, expect, it } from "vitest";
import { newNonce, pageCsp } from "./headers";

const base = { nonce: "abc", livekitUrl: "wss://rtc.example.com", development: false, https: true };

describe("pageCsp", () => {
  it("allows Next's nonced scripts, the LiveKit server and nothing else that runs", () => {
    const csp = pageCsp(base);
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(csp).toContain("connect-src 'self' wss://rtc.example.com https://rtc.example.com;");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("form-action 'self';");
  });

  it("lets the SSO form redirect to the identity provider, dev code evaluate, http stay http", () => {
    const csp = pageCsp({
      ...base,
      livekitUrl: "ws://127.0.0.1:7880",
      oidcIssuer: "https://login.example.com/tenant/v2.0",
      development: true,
      https: false,
    });
    expect(csp).toContain("form-action 'self' https://login.example.com;");
    expect(csp).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:7880 http://127.0.0.1:7880;");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("makes a different 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
