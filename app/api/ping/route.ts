import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// GET /api/ping — the smallest route of the app: liveness for load balancers, and the
// framework's own ceiling that `npm run bench` compares other routes against.
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
