import { NextResponse } from "next/server";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { zSurveyAnswer } from "@/lib/validation/surveys";

export const dynamic = "force-dynamic";

// GET /api/ping — the smallest route of the app: liveness for load balancers, and the
// framework's own ceiling that `npm run bench` compares other routes against.
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}

// POST /api/ping — the survey submit's shape without the database: the entry kit, a cookie read,
// a JSON body parsed by the same zod schema, a JSON answer. `npm run bench` measures the submit
// against it, so the figure is what the database work costs, not what the framework does.
export const POST = routeHandler(
  entry({
    actor: "none",
    input: zSurveyAnswer,
    run: async ({ input }) => ({ saved: true, answers: Object.keys(input.answers).length }),
  }),
  {
    label: "ping",
    csrf: "not-cross-site",
    maxBytes: 16 * 1024,
    read: (body, request) => {
      // Read the cookie the submit reads, so both do the same work before the body.
      request.cookies.get("im_srv");
      return body;
    },
    reply: () => NextResponse.json({ saved: true }, { status: 201 }),
  },
);
