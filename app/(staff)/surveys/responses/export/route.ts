import { NextResponse } from "next/server";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { zResponseFilters } from "@/lib/validation/surveys";
import { exportSurveyResponses } from "@/server/surveys/list-responses";
import { responsesCsv } from "@/server/surveys/responses-csv";

// GET /surveys/responses/export?filters — the responses the viewer shows, as CSV. A read of
// anonymous answers (no names, no contact details), so a plain link; it changes nothing.
export const GET = routeHandler(staffEntry(zResponseFilters, exportSurveyResponses), {
  label: "survey-export",
  body: "none",
  read: (_body, request) => Object.fromEntries(request.nextUrl.searchParams),
  reply: (rows) =>
    new NextResponse(`\uFEFF${responsesCsv(rows)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="survey-responses-${new Date().toISOString().slice(0, 10)}.csv"`,
        "Cache-Control": "no-store",
      },
    }),
});
