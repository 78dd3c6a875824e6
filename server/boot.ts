import "server-only";
import { db, dbClient } from "@/db";
import { prepareDatabase, SchemaMismatchError } from "@/db/migrate";
import { assertProductionSecrets, env } from "@/env";
import { routeConsoleToLogger } from "@/server/log/console";
import { log } from "@/server/log/logger";
import { observeHttpRequests } from "@/server/log/request-log";
import "@/server/jobs/handlers";
import { startWorker } from "@/server/jobs/worker";

const state = globalThis as unknown as { immersionBooted?: boolean };

/**
 * Once per server process: migrates the database (MIGRATE_ON_START, the development default) or
 * verifies that the release step did, then starts the in-process worker. A schema this build does
 * not know stops the process with the reason, rather than serving on it.
 */
export async function startApp(): Promise<void> {
  if (state.immersionBooted) return;
  state.immersionBooted = true;
  // Before anything can log: JSON lines, request ids, and Next's own error output scrubbed too.
  routeConsoleToLogger();
  observeHttpRequests();
  assertProductionSecrets();
  try {
    // An embedded replica first catches up with its primary, so it checks the current schema.
    if (env.DATABASE_SYNC_URL) await dbClient().sync();
    await prepareDatabase(db, { migrate: env.MIGRATE_ON_START });
  } catch (error) {
    if (!(error instanceof SchemaMismatchError)) throw error;
    log.fatal({ component: "boot", reason: error.message }, "refusing to start");
    process.exit(1);
  }
  if (env.WORKER_IN_PROCESS) startWorker({ db });
}
