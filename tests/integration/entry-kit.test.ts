// The entry kit (app/_lib/entry): the order of its steps and the one mapping of errors per kind
// of caller, through real route handlers and form actions on a real database (the rate limits).
import "../support/test-env";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { clientAction } from "@/app/_lib/entry/client-action";
import { entry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { conflict, invalid } from "@/server/errors";
import { captureLogs } from "@/tests/support/log-capture";

beforeAll(async () => {
  await migrateDatabase(db);
});

const zEcho = z.strictObject({
  n: z.coerce.number().int().min(1, "At least one"),
  note: z.string().default(""),
});

/** Echoes its input; n = 13 is refused by the domain, n = 99 fails unexpectedly (with a secret). */
const echo = entry({
  actor: "none",
  input: zEcho,
  run: async ({ input }) => {
    if (input.n === 13) throw conflict("Thirteen is taken");
    if (input.n === 42) throw invalid("Not that one", { n: ["Pick another"] });
    if (input.n === 99) throw new Error("Failed query: select … params: mai@example.com");
    return { doubled: input.n * 2 };
  },
});

const post = (body: string, headers: Record<string, string> = {}) =>
  new NextRequest("http://app.test:3000/api/echo", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

describe("entry", () => {
  it("accepts only strict object inputs", () => {
    const run = async () => null;
    expect(() => entry({ actor: "none", input: z.object({ n: z.number() }), run })).toThrow(/strictObject/);
    expect(() => entry({ actor: "none", input: z.string(), run })).toThrow(/strictObject/);
    expect(entry({ actor: "none", input: zEcho, run }).input).toBe(zEcho);
  });
});

describe("routeHandler", () => {
  const POST = routeHandler(echo, { label: "echo", csrf: "not-cross-site", maxBytes: 100 });

  it("answers the result as JSON, never cached", async () => {
    const res = await POST(post(JSON.stringify({ n: 2 })));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ doubled: 4 });
  });

  it("refuses another site's browser post, an oversized body and a body that is not JSON", async () => {
    expect((await POST(post('{"n":2}', { origin: "https://evil.example" }))).status).toBe(403);
    expect((await POST(post(JSON.stringify({ n: 2, note: "x".repeat(200) })))).status).toBe(413);
    const notJson = await POST(post("{n:"));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "invalid", issues: [] });
  });

  it("maps zod and domain errors to a status and names the fields; hides unexpected ones", async () => {
    const unknownField = await POST(post(JSON.stringify({ n: 2, admin: true })));
    expect(unknownField.status).toBe(400); // strict: an unknown field is refused, not dropped
    expect(await unknownField.json()).toEqual({ error: "invalid", issues: ["admin"] });
    const zero = await POST(post(JSON.stringify({ n: 0 })));
    expect(await zero.json()).toEqual({ error: "invalid", issues: ["n"] });
    expect((await POST(post(JSON.stringify({ n: 13 })))).status).toBe(409);
    const fields = await POST(post(JSON.stringify({ n: 42 })));
    expect([fields.status, await fields.json()]).toEqual([400, { error: "invalid", issues: ["n"] }]);
    const logs = captureLogs();
    const broken = await POST(post(JSON.stringify({ n: 99 })));
    logs.restore();
    expect([broken.status, await broken.json()]).toEqual([503, { error: "unavailable" }]);
    expect(logs.lines()[0]).toMatchObject({ level: "error", entry: "echo", msg: "unexpected error" });
    expect(logs.text()).not.toContain("mai@example.com");
  });

  it("applies the entry's rate limits, per client, before reading the body", async () => {
    const limited = routeHandler(
      { ...echo, limit: (_, client) => [{ key: `echo:${client}`, max: 2, windowSeconds: 60 }] },
      { label: "echo" },
    );
    const from = (ip: string, body = '{"n":1}') => limited(post(body, { "x-forwarded-for": ip }));
    expect((await from("10.0.0.1")).status).toBe(200);
    expect((await from("10.0.0.1", "not json")).status).toBe(400);
    expect((await from("10.0.0.1")).status).toBe(429);
    expect((await from("10.0.0.1", "not json")).status).toBe(429);
    expect((await from("10.0.0.2")).status).toBe(200);
  });
});

describe("formAction", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const f = new FormData();
    f.set("$ACTION_ID_abc", "");
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
    return f;
  };

  it("answers a form state: the message of `done`, field errors, the domain's message", async () => {
    const action = formAction(echo, { done: ({ doubled }) => `Doubled: ${doubled}` });
    expect(await action(null, form({ n: "3" }))).toEqual({ ok: true, message: "Doubled: 6" });
    expect(await action(null, form({ n: "0" }))).toEqual({
      ok: false,
      message: "Please check the highlighted fields.",
      fieldErrors: { n: ["At least one"] },
    });
    expect(await action(null, form({ n: "13" }))).toEqual({
      ok: false,
      message: "Thirteen is taken",
      fieldErrors: {},
    });
    const logs = captureLogs();
    const broken = await action(null, form({ n: "99" }));
    logs.restore();
    expect(broken).toEqual({
      ok: false,
      message: "Something went wrong. Nothing was lost; please try again.",
    });
  });

  it("lets `done` add state, and reads the form as `read` says", async () => {
    const action = formAction(echo, {
      read: (f) => ({ n: String(f.get("a")).length }),
      done: (result) => ({ message: "ok", result }),
    });
    expect(await action(null, form({ a: "four" }))).toEqual({
      ok: true,
      message: "ok",
      result: { doubled: 8 },
    });
  });
});

describe("clientAction", () => {
  it("answers { ok, data } or one message", async () => {
    const call = clientAction(echo);
    expect(await call({ n: 5 })).toEqual({ ok: true, data: { doubled: 10 } });
    expect(await call({ n: 0 })).toEqual({ ok: false, message: "At least one" });
    expect(await call({ n: 13 })).toEqual({ ok: false, message: "Thirteen is taken" });
  });
});
