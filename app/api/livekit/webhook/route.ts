import { type NextRequest, NextResponse } from "next/server";
import { DomainError } from "@/server/errors";
import { receiveLivekitWebhook } from "@/server/rooms/webhook";

// POST /api/livekit/webhook — LiveKit's room and participant events. The body is read as text and
// verified byte for byte (a parsed and re-serialised body would no longer match its signature).
// LiveKit's events are a few kilobytes; anything far larger is not one of them.
const MAX_BODY_BYTES = 256 * 1024;

export async function POST(request: NextRequest) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return NextResponse.json({ error: "too large" }, { status: 413 });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return NextResponse.json({ error: "too large" }, { status: 413 });
  try {
    const outcome = await receiveLivekitWebhook(raw, request.headers.get("authorization"));
    return NextResponse.json({ outcome });
  } catch (error) {
    if (error instanceof DomainError && error.code === "unauthenticated")
      return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
    console.error("[livekit-webhook] failed", error instanceof Error ? error.message : error);
    // A 5xx asks LiveKit to retry; the event id makes the retry safe.
    return NextResponse.json({ error: "unavailable" }, { status: 503 });
  }
}
