import { NextResponse } from "next/server";
import { db, dbClient } from "@/db";
import { workerHealth } from "@/server/jobs/worker-health";
import { livekitReachable } from "@/server/rooms/room-service";

export const dynamic = "force-dynamic";

// GET /api/health — database, worker and LiveKit reachability. No personal data, no secrets.
export async function GET() {
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
  const ok = database && worker && livekit;
  return NextResponse.json(
    { status: ok ? "ok" : "degraded", database, worker, livekit },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
