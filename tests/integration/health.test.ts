// The health check behind GET /api/health, on a real database with nothing listening for LiveKit.
import "../support/test-env";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { checkHealth } from "@/server/health/check-health";
import { writeHeartbeat } from "@/server/jobs/worker-health";

beforeAll(async () => {
  await migrateDatabase(db);
});

describe("health check", () => {
  it("reports the database, whether a worker reported lately, and LiveKit's reachability", async () => {
    expect(await checkHealth()).toEqual({ database: true, worker: false, livekit: false });
    await writeHeartbeat(db, "test-worker");
    expect(await checkHealth()).toEqual({ database: true, worker: true, livekit: false });
  });
});
