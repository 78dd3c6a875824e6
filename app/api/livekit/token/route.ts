import { z } from "zod";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { mintRoomToken } from "@/server/rooms/mint-token";

// POST /api/livekit/token — a short-lived room token for the signed-in staff member or the
// customer behind the invitation cookie. Identity, room and grants come from our records; a
// stranger (anyone else) is told the session does not exist. `table` only picks a speed-dating
// table for those who may roam (the facilitator): anyone else asking for a table other than their
// own is refused by mintRoomToken.
export const POST = routeHandler(
  entry({
    actor: "anyone",
    input: z.strictObject({ sessionId: z.uuid(), table: z.int().min(1).max(50).optional() }),
    limit: (_, client) => [{ key: `token:${client}`, max: 60, windowSeconds: 60 }],
    run: ({ actor, input }) => mintRoomToken(actor, input.sessionId, { table: input.table }),
  }),
  // The room pages post it; another site's page must not mint a token with the visitor's cookie.
  { label: "livekit-token", csrf: "not-cross-site", maxBytes: 1024 },
);
