import { NextResponse } from "next/server";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { submitSurvey } from "@/app/(customer)/survey/submit-survey";

// POST /api/survey-response — the survey answer as JSON, for clients without the form (and the
// benchmark): the same entry as the form, so the same respondent, rate limit and rules. A repeat
// keeps the first answer (200 instead of 201).
export const POST = routeHandler(submitSurvey, {
  label: "survey-response",
  csrf: "not-cross-site",
  maxBytes: 16 * 1024,
  reply: ({ created }) => NextResponse.json({ saved: true }, { status: created ? 201 : 200 }),
});
