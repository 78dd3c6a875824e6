import { NextResponse } from "next/server";
import { checkHealth } from "@/server/health/check-health";

export const dynamic = "force-dynamic";

// GET /api/health — database, worker and LiveKit reachability. No personal data, no secrets.
export async function GET() {
  const { database, worker, livekit } = await checkHealth();
  const ok = database && worker && livekit;
  return NextResponse.json(
    { status: ok ? "ok" : "degraded", database, worker, livekit },
    { status: database ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
