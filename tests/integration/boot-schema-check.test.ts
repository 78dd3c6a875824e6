// The web process's boot (instrumentation → startApp) as in production (MIGRATE_ON_START=false):
// it verifies the schema instead of migrating, and stops the process with the reason when the
// release step has not run. On the database kind under test (a file, or sqld).
import "../support/test-env";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureLogs } from "@/tests/support/log-capture";

// Before env.ts is read: the app modules below are imported inside the tests.
process.env.MIGRATE_ON_START = "false";
process.env.WORKER_IN_PROCESS = "false";

const booted = globalThis as unknown as { immersionBooted?: boolean };
afterEach(() => {
  vi.restoreAllMocks();
  booted.immersionBooted = false;
});

describe("the web process at start, with MIGRATE_ON_START=false", () => {
  it("refuses to start on a database the release step has not migrated, then starts once it has", async () => {
    const { startApp } = await import("@/server/boot");
    const exit = vi.spyOn(process, "exit").mockImplementation((code) => {
      throw new Error(`process.exit(${code})`);
    });
    const logs = captureLogs();
    await expect(startApp()).rejects.toThrow("process.exit(1)");
    logs.restore();
    expect(exit).toHaveBeenCalledWith(1);
    expect(logs.lines().find((l) => l.msg === "refusing to start")?.reason).toMatch(
      /^The database lacks \d+ migration\(s\).*npm run db:migrate/,
    );

    const { db } = await import("@/db");
    const { migrateDatabase, schemaStatus } = await import("@/db/migrate");
    await migrateDatabase(db);
    booted.immersionBooted = false;
    await expect(startApp()).resolves.toBeUndefined();
    expect(exit).toHaveBeenCalledTimes(1);
    expect((await schemaStatus(db)).pending).toEqual([]);
  });
});
