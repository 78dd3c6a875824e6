// `npm run worker`: the background worker as its own process (any number of copies may run;
// leases keep each job and each email to one of them). Set WORKER_IN_PROCESS=false on the app
// servers when running it this way.
import { db, dbClient } from "@/db";
import { prepareDatabase } from "@/db/migrate";
import { assertProductionSecrets, env } from "@/env";
import "@/server/jobs/handlers";
import { startWorker } from "@/server/jobs/worker";
import { routeConsoleToLogger } from "@/server/log/console";
import { log } from "@/server/log/logger";

routeConsoleToLogger();

assertProductionSecrets();
// The app's own `db`, so the handlers (which use it too) share one connection pool. Like the web
// process: migrate in development, otherwise verify that the release step did.
try {
  if (env.DATABASE_SYNC_URL) await dbClient().sync();
  await prepareDatabase(db, { migrate: env.MIGRATE_ON_START });
} catch (error) {
  log.fatal(
    { component: "worker", reason: error instanceof Error ? error.message : String(error) },
    "refusing to start",
  );
  process.exit(1);
}
const worker = startWorker({ db });

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ component: "worker", signal }, "stopping: finishing the current tick");
  await worker.stop();
  dbClient().close();
  process.exit(0);
};
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
