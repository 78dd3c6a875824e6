import { Writable } from "node:stream";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { routeConsoleToLogger } from "./console";
import { createLogger, logContext } from "./logger";
import { scrubText } from "./scrub";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, "debug"), lines, parsed: () => lines.map((l) => JSON.parse(l)) };
}

const EMAIL = "mai.nguyen@example.com";
const NAME = "Mai Nguyen";
const TOKEN = "q3Zb1pX0cVn8yL2mK7wR5tA9sD4fG6hJ1kL0zX8cV2b"; // 43 base64url characters, like ours

describe("the logger", () => {
  it("writes one JSON object per line with level, time and the request id of its context", () => {
    const { logger, parsed } = capture();
    logContext.run({ reqId: "req-123456" }, () => logger.info({ route: "/api/ping" }, "request"));
    logger.warn("outside a request");
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ level: "info", msg: "request", route: "/api/ping", reqId: "req-123456" });
    expect(typeof inside.time).toBe("string");
    expect(outside.reqId).toBeUndefined();
  });

  it("never prints a failed statement's parameters (the contention defect of issue 13)", () => {
    const { logger, lines } = capture();
    const busy = Object.assign(new Error("SQLITE_BUSY: database is locked"), { code: "SQLITE_BUSY" });
    const error = new DrizzleQueryError(
      'insert into "backroom_questions" ("text", "author") values (?, ?)',
      [`Ask ${NAME} (${EMAIL}) about the refund`, NAME],
      busy,
    );
    logger.error({ err: error }, "unexpected error");
    logger.error(error);
    const text = lines.join("\n");
    expect(text).not.toContain(EMAIL);
    expect(text).not.toContain(NAME);
    expect(text).toContain("SQLITE_BUSY");
  });

  it("censors personal fields, tokens, JWTs and personal links wherever they appear", () => {
    const { logger, lines } = capture();
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0XzEyMyJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
    logger.info({ email: EMAIL, customer: { name: NAME }, token: TOKEN }, "rsvp");
    logger.info(`sent to ${EMAIL}: http://app.test/i/${TOKEN}?x=1 and /s/${TOKEN}`);
    logger.info({ detail: `Bearer ${jwt}`, hash: "a".repeat(64) }, "token minted");
    const text = lines.join("\n");
    for (const secret of [EMAIL, NAME, TOKEN, jwt, "a".repeat(64)]) expect(text).not.toContain(secret);
    expect(text).toContain("/i/[token]");
  });

  it("keeps request ids and record ids (UUIDs) readable", () => {
    const id = "0d5f7c1e-3b7a-4c1e-9a55-6e1f0a9b2c3d";
    expect(scrubText(`job ${id} failed`)).toBe(`job ${id} failed`);
  });

  it("routes console.error and console.warn through the logger, scrubbed", () => {
    const original = { error: console.error, warn: console.warn };
    const { logger, lines } = capture();
    try {
      routeConsoleToLogger(logger);
      console.error(new DrizzleQueryError("select 1", [EMAIL], undefined));
      console.warn("mail to %s bounced", EMAIL);
    } finally {
      console.error = original.error;
      console.warn = original.warn;
      (globalThis as { immersionConsoleRouted?: boolean }).immersionConsoleRouted = false;
    }
    const text = lines.join("\n");
    expect(lines).toHaveLength(2);
    expect(text).not.toContain(EMAIL);
    expect(text).toContain('"component":"console"');
  });
});
