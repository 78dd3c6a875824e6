import { z } from "zod";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { METRICS_CONTENT_TYPE, readMetrics } from "@/server/metrics/read-metrics";

export const dynamic = "force-dynamic";

// GET /api/metrics — Prometheus text format for a scraper with `Authorization: Bearer
// $METRICS_TOKEN`: request durations by route, job queue depth and age, outbox pending and dead,
// LiveKit webhook lag. 404 when METRICS_TOKEN is unset, 401 for a wrong token.
export const GET = routeHandler(
  entry({
    actor: "none",
    input: z.strictObject({ authorization: z.string().nullable() }),
    run: ({ input }) => readMetrics(input.authorization),
  }),
  {
    label: "metrics",
    body: "none",
    read: (_body, request) => ({ authorization: request.headers.get("authorization") }),
    reply: (text) =>
      new Response(text, { headers: { "Content-Type": METRICS_CONTENT_TYPE, "Cache-Control": "no-store" } }),
  },
);
