import { type NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { clientKey } from "@/app/_lib/client-key";
import type { Actor } from "@/server/auth/actor";
import { currentInvitee } from "@/server/auth/invitee";
import { currentStaff } from "@/server/auth/staff";
import { DomainError, HTTP_STATUS } from "@/server/errors";
import { mintRoomToken } from "@/server/rooms/mint-token";
import { consumeRateLimit } from "@/server/security/rate-limit";

// `table` only picks a speed-dating table for those who may roam (the facilitator); anyone else
// asking for a table other than their own is refused by mintRoomToken.
const zBody = z.strictObject({ sessionId: z.uuid(), table: z.int().min(1).max(50).optional() });

// POST /api/livekit/token — a short-lived room token for the signed-in staff member or the
// customer behind the invitation cookie. Identity, room and grants come from our records.
export async function POST(request: NextRequest) {
  const body = zBody.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: "Send { sessionId }" }, { status: 400 });
  if (!(await consumeRateLimit(`token:${clientKey(request.headers)}`, 60, 60))) {
    return NextResponse.json({ error: "Too many attempts" }, { status: 429 });
  }
  const staff = await currentStaff();
  const invitee = staff ? null : await currentInvitee();
  const actor: Actor = staff ?? invitee?.actor ?? { kind: "anonymous" };
  try {
    const connection = await mintRoomToken(actor, body.data.sessionId, { table: body.data.table });
    return NextResponse.json(connection, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof DomainError) {
      return NextResponse.json({ error: error.code }, { status: HTTP_STATUS[error.code] });
    }
    console.error("[livekit-token] failed", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: "unavailable" }, { status: 503 });
  }
}
