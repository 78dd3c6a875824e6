import "../support/test-env";
import "../support/metrics-env";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { jobs, outbox } from "@/db/schema";
import { enqueueJob } from "@/server/jobs/queue";
import { readMetrics } from "@/server/metrics/read-metrics";
import { observeWebhookLag } from "@/server/metrics/registry";
import { TEST_METRICS_TOKEN } from "../support/metrics-env";

const get = (authorization?: string) =>
  GET(
    new NextRequest("http://app.test/api/metrics", {
      headers: authorization ? { authorization } : {},
    }),
  );

/** One sample's value from the text format, e.g. value(text, 'immersion_outbox_pending'). */
const value = (text: string, sample: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
};

beforeAll(async () => {
  await migrateDatabase(db);
});

describe("GET /api/metrics", () => {
  it("needs the metrics token: none or a wrong one is a 401, and no figures leak", async () => {
    for (const header of [undefined, "Bearer wrong-token-wrong-token-wrong", TEST_METRICS_TOKEN]) {
      const r = await get(header);
      expect(r.status, String(header)).toBe(401);
      expect(await r.text()).not.toContain("immersion_");
    }
  });

  it("does not exist when no token is configured", async () => {
    await expect(readMetrics(`Bearer ${TEST_METRICS_TOKEN}`, null)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("reports queue depth and age, outbox pending and dead, and webhook lag in Prometheus format", async () => {
    const now = Date.now();
    await enqueueJob(db, { kind: "reminder.send", payload: {}, runAt: new Date(now - 90_000) });
    await enqueueJob(db, { kind: "reminder.send", payload: {}, runAt: new Date(now + 3600_000) });
    await db.insert(jobs).values({ kind: "survey.send", payload: {}, status: "dead" });
    const mail = { kind: "invite", toAddress: "x@example.com", subject: "s", text: "t", html: "h" };
    await db.insert(outbox).values([
      { ...mail, messageId: "<a@test>", nextAttemptAt: new Date(now - 30_000) },
      { ...mail, messageId: "<b@test>", status: "dead" },
    ]);
    observeWebhookLag("participant_joined", Math.floor(now / 1000) - 2, now);
    const r = await get(`Bearer ${TEST_METRICS_TOKEN}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await r.text();
    expect(value(text, 'immersion_jobs_pending{kind="reminder.send"}')).toBe(2);
    expect(value(text, 'immersion_jobs_dead{kind="survey.send"}')).toBe(1);
    expect(value(text, "immersion_jobs_oldest_due_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(value(text, "immersion_outbox_pending")).toBe(1);
    expect(value(text, "immersion_outbox_dead")).toBe(1);
    expect(value(text, "immersion_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(30);
    expect(value(text, 'immersion_livekit_webhook_lag_seconds_count{event="participant_joined"}')).toBe(1);
    expect(text).toContain("# TYPE immersion_http_request_duration_seconds histogram");
    expect(text).not.toContain("x@example.com");
  });
});
