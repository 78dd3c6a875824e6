import "server-only";
import { db } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { assertProductionSecrets, env } from "@/env";
import "@/server/jobs/handlers";
import { startWorker } from "@/server/jobs/worker";

const state = globalThis as unknown as { immersionBooted?: boolean };

/** Migrates the database and starts the in-process worker once per server process. */
export async function startApp(): Promise<void> {
  if (state.immersionBooted) return;
  state.immersionBooted = true;
  assertProductionSecrets();
  await migrateDatabase(db);
  if (env.WORKER_IN_PROCESS) startWorker({ db });
}
