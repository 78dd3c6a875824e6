// Rate limits (batched counters in the app's libSQL database) through the real entry kit
// and personal-link route: keyed on the client address through one trusted proxy, so forged
// X-Forwarded-For entries make no new buckets; no email or address stored; windows expire and
// old buckets are pruned; a valid link that is rate-limited gets "try again in a minute".
import "../support/test-env";
import "../support/behind-one-proxy";
import { and, eq, inArray } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { clientKey } from "@/app/_lib/client-key";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { GET as openInvite } from "@/app/i/[token]/route";
import { db, openDb } from "@/db";
import * as schema from "@/db/schema";
import { customers, invitations, outbox, rateLimitBuckets } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { consumeRateLimit, pruneRateLimits } from "@/server/security/rate-limit";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";
import { TEST_DATABASE_URL } from "../support/test-env";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});
afterEach(() => {
  vi.useRealTimers();
});

const limited = (bucket: string, max: number) =>
  routeHandler(
    entry({
      actor: "none",
      input: z.strictObject({}),
      limit: (_, client) => [{ key: `${bucket}:${client}`, max, windowSeconds: 60 }],
      run: async () => ({ ok: true }),
    }),
    { label: bucket },
  );

const post = (forwardedFor: string) =>
  new NextRequest("http://app.test:3000/api/x", {
    method: "POST",
    body: "{}",
    headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
  });

describe("the client address", () => {
  it("is the entry the trusted proxy appended, whatever the client put before it", () => {
    expect(clientKey(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9" }), 1)).toBe("203.0.113.9");
    expect(clientKey(new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.9, 10.0.0.2" }), 2)).toBe(
      "203.0.113.9",
    );
    // No proxy: Next's own entry (the socket address) is the only one.
    expect(clientKey(new Headers({ "x-forwarded-for": "198.51.100.4" }), 0)).toBe("198.51.100.4");
  });

  it("100 requests with forged X-Forwarded-For entries share the one bucket of their real address", async () => {
    const POST = limited("forged", 10);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await POST(post(`10.${i}.0.1, 203.0.113.9`))).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(90);
    const refused = await POST(post("9.9.9.9, 203.0.113.9"));
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client behind the same proxy has its own bucket.
    expect((await POST(post("203.0.113.10"))).status).toBe(200);
  });

  it("stores no email address or client address in a bucket key", async () => {
    await consumeRateLimit("signin:Mai.Nguyen@example.com", 5, 900);
    await limited("addr", 5)(post("203.0.113.77"));
    const keys = (await db.select({ key: rateLimitBuckets.key }).from(rateLimitBuckets)).map((r) => r.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(k.toLowerCase()).not.toContain("mai.nguyen");
      expect(k).not.toContain("example.com");
      expect(k).not.toMatch(/\d+\.\d+\.\d+\.\d+/);
    }
  });
});

describe("windows", () => {
  it("expire, and expired buckets are pruned", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2031-03-01T10:00:00Z");
    vi.setSystemTime(start);
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit("expiry:one", 3, 60)).allowed).toBe(true);
    const refused = await consumeRateLimit("expiry:one", 3, 60);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 });
    vi.setSystemTime(new Date(start.getTime() + 61_000));
    expect((await consumeRateLimit("expiry:one", 3, 60)).allowed).toBe(true);
    vi.setSystemTime(new Date(start.getTime() + 3 * 60_000));
    expect(await pruneRateLimits(new Date())).toBeGreaterThan(0);
    const left = await db.select().from(rateLimitBuckets);
    for (const b of left) expect(b.expire === null || b.expire > new Date()).toBe(true);
  });
});

describe("attempts that arrive together", () => {
  it("are counted with one statement, and exactly the limit is allowed, in arrival order", async () => {
    // An app client that counts the statements it is given.
    let statements = 0;
    const base = openDb(TEST_DATABASE_URL);
    const client = new Proxy(base.client, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "execute") return typeof value === "function" ? value.bind(target) : value;
        return (...args: Parameters<typeof target.execute>) => {
          statements++;
          return target.execute(...args);
        };
      },
    });
    const counting = drizzle(client, { schema });
    await consumeRateLimit("warm:up", 1, 60, counting); // the once-a-minute prune runs here
    statements = 0;
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        consumeRateLimit(`burst:${i % 2 ? "odd" : "even"}`, 10, 60, counting),
      ),
    );
    expect(statements).toBe(1);
    // 15 attempts on each key: the first 10 of each pass, the other 5 are refused.
    for (const parity of [0, 1]) {
      const mine = decisions.filter((_, i) => i % 2 === parity);
      expect(mine.map((d) => d.allowed)).toEqual([...Array(10).fill(true), ...Array(5).fill(false)]);
      for (const d of mine.slice(10)) expect(d.retryAfterSeconds).toBeGreaterThan(0);
    }
    // The next batch continues the count.
    expect((await consumeRateLimit("burst:odd", 10, 60, counting)).allowed).toBe(false);
    base.client.close();
  });

  it("hold across app instances: two processes' batches on one database allow the limit in all", async () => {
    // A second app instance: its own client and its own batches, on the same database.
    const other = openDb(TEST_DATABASE_URL);
    try {
      const attempts = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2 ? consumeRateLimit("shared:link", 12, 60) : consumeRateLimit("shared:link", 12, 60, other.db),
        ),
      );
      expect(attempts.filter((d) => d.allowed)).toHaveLength(12);
      expect((await consumeRateLimit("shared:link", 12, 60, other.db)).allowed).toBe(false);
    } finally {
      other.client.close();
    }
  });
});

describe("a personal link opened too often from one place", () => {
  it("answers 'try again in a minute' (not the invalid-link page) and keeps the link usable", async () => {
    const { id: sessionId } = await createSession(staff.facilitator, {
      title: "Rate limit link",
      description: "",
      format: "story_circle",
      startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 7 * 86400_000), "Europe/London"),
      timeZone: "Europe/London",
      durationMinutes: 45,
      seats: 5,
      observersHidden: true,
    });
    const [who] = await db.select({ id: customers.id }).from(customers).limit(1);
    await inviteCustomers(staff.facilitator, { sessionId, customerIds: [who!.id] });
    const inv = await db.query.invitations.findFirst({
      where: and(eq(invitations.sessionId, sessionId), eq(invitations.customerId, who!.id)),
    });
    const [mail] = await db
      .select({ text: outbox.text })
      .from(outbox)
      .where(and(eq(outbox.kind, "invitation"), inArray(outbox.customerId, [who!.id])));
    expect(inv).toBeDefined();
    const token = /\/i\/([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    expect(token).toBeDefined();

    const open = (t: string, from: string) =>
      openInvite(
        new NextRequest(`http://app.test:3000/i/${t}`, {
          headers: { "x-forwarded-for": `1.2.3.4, ${from}` },
        }),
        { params: Promise.resolve({ token: t }) },
      );
    for (let i = 0; i < 60; i++) {
      const res = await open("A".repeat(43), "203.0.113.50");
      expect(res.headers.get("location")).toBe("http://app.test:3000/link-invalid");
    }
    const busy = await open(token!, "203.0.113.50");
    expect(busy.status).toBe(303);
    expect(busy.headers.get("location")).toBe("http://app.test:3000/link-busy");
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    // From elsewhere (or a minute later) the same link still works.
    const ok = await open(token!, "203.0.113.51");
    expect(ok.headers.get("location")).toBe("http://app.test:3000/invite");
  });
});
