import "server-only";
import { db, dbClient } from "@/db";
import { workerHealth } from "@/server/jobs/worker-health";
import { livekitReachable } from "@/server/rooms/room-service";

export type Health = { database: boolean; worker: boolean; livekit: boolean };

/** Whether the database answers, a worker reported lately, and LiveKit's API answers. No personal data. */
export async function checkHealth(): Promise<Health> {
  const database = await dbClient()
    .execute("SELECT 1")
    .then(() => true)
    .catch(() => false);
  const worker = database
    ? await workerHealth(db)
        .then((w) => w.ok)
        .catch(() => false)
    : false;
  const livekit = await livekitReachable();
  return { database, worker, livekit };
}
