// Many app instances on one libSQL deployment: a sqld primary with one sqld replica (sqld's own
// replication over gRPC), app instance A on the replica over HTTP and app instance B reading
// through an embedded replica (a local file with `syncUrl`). A write through either instance is
// read back through the other, with the app's own migrations and job queue.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db";
import { migrateDatabase, schemaStatus } from "@/db/migrate";
import { jobs, outbox } from "@/db/schema";
import { claimJobs, completeJob, enqueueJob } from "@/server/jobs/queue";
import { type Sqld, startSqld } from "../support/sqld";

const dir = mkdtempSync(path.join(tmpdir(), "immersion-replication-"));
let primary: Sqld;
let replica: Sqld;
const closers: (() => void)[] = [];
let a: ReturnType<typeof openDb>;
let b: ReturnType<typeof openDb>;

beforeAll(async () => {
  primary = await startSqld({ grpc: true });
  replica = await startSqld({ primaryGrpcUrl: primary.grpcUrl });
  // The release step, against the primary.
  const release = openDb(primary.url);
  await migrateDatabase(release.db);
  release.client.close();
  a = openDb(replica.url);
  b = openDb(`file:${path.join(dir, "instance-b.db")}`, undefined, {
    syncUrl: primary.url,
    syncIntervalSeconds: 0.2,
  });
  closers.push(
    () => a.client.close(),
    () => b.client.close(),
  );
});
afterAll(async () => {
  for (const close of closers) close();
  await Promise.allSettled([replica?.close(), primary?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const jobOn = (db: Db, id: string) => db.query.jobs.findFirst({ where: eq(jobs.id, id) });

describe("a sqld primary, a sqld replica and an embedded replica", () => {
  it("all see the migrated schema", async () => {
    await expect.poll(async () => (await schemaStatus(a.db)).pending, { timeout: 10_000 }).toEqual([]);
    await b.client.sync();
    expect(await schemaStatus(b.db)).toMatchObject({ pending: [], unknown: [] });
  });

  it("a job queued through instance A is claimed and finished through instance B, and A sees it done", async () => {
    const { id } = await a.db.transaction((tx) => enqueueJob(tx, { kind: "replicated", payload: { n: 1 } }));
    // B reads its local copy, which follows the primary every 0.2 s.
    await expect.poll(async () => (await jobOn(b.db, id))?.status, { timeout: 10_000 }).toBe("pending");
    // B's writes go to the primary; it reads them back at once (read-your-writes).
    const claimed = await claimJobs(b.db, { workerId: "instance-b" });
    expect(claimed.map((j) => j.id)).toEqual([id]);
    expect(await completeJob(b.db, claimed[0]!)).toBe(true);
    expect((await jobOn(b.db, id))?.status).toBe("done");
    // A reads through the sqld replica, which follows the primary over gRPC.
    await expect.poll(async () => (await jobOn(a.db, id))?.leasedBy, { timeout: 10_000 }).toBe("instance-b");
    expect(await jobOn(a.db, id)).toMatchObject({ status: "done", attempts: 1 });
    // Nothing is left for another worker on A: the lease and completion are the primary's.
    expect(await claimJobs(a.db, { workerId: "instance-a" })).toEqual([]);
  });

  it("keeps the primary's foreign keys for writes made through the embedded replica", async () => {
    const failed = await b.db
      .insert(outbox)
      .values({
        kind: "x",
        toAddress: "a@example.com",
        subject: "s",
        text: "t",
        html: "h",
        messageId: "<m@x>",
        customerId: "no-such-customer",
      })
      .then(
        () => null,
        (error: Error) => error,
      );
    // drizzle wraps the driver's error (and its parameters) in its own.
    expect(String(failed?.cause)).toMatch(/FOREIGN KEY constraint failed/);
  });
});
