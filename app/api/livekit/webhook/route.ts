import { NextResponse } from "next/server";
import { z } from "zod";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { receiveLivekitWebhook } from "@/server/rooms/webhook";

// POST /api/livekit/webhook — LiveKit's room and participant events. The body is read as text and
// verified byte for byte (a parsed and re-serialised body would no longer match its signature):
// a bad signature is a 401; any unexpected failure a 503, which asks LiveKit to retry (the event
// id makes the retry safe). LiveKit's events are a few kilobytes; anything far larger is not one.
export const POST = routeHandler(
  entry({
    actor: "none",
    input: z.strictObject({ body: z.string(), authorization: z.string().nullable() }),
    run: ({ input }) => receiveLivekitWebhook(input.body, input.authorization),
  }),
  {
    label: "livekit-webhook",
    body: "text",
    maxBytes: 256 * 1024,
    read: (body, request) => ({ body, authorization: request.headers.get("authorization") }),
    reply: (outcome) => NextResponse.json({ outcome }),
  },
);
