import { NextResponse } from "next/server";
import { z } from "zod";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { dashboardPdfFor } from "@/server/analytics/dashboard-pdf-for";

// GET /dashboard/pdf?<the dashboard's filters> — the dashboard as filtered, as a PDF drawn on the
// server with pdfkit (no browser). A download that changes nothing.
export const GET = routeHandler(
  entry({
    actor: "staff",
    input: z.strictObject({ filters: z.record(z.string().max(20), z.string().max(400)) }),
    run: ({ actor, input }) => dashboardPdfFor(actor, readDashboardFilters(input.filters)),
  }),
  {
    label: "dashboard-pdf",
    body: "none",
    read: (_body, request) => ({ filters: Object.fromEntries(request.nextUrl.searchParams) }),
    reply: ({ pdf, asOf }) =>
      new NextResponse(new Uint8Array(pdf), {
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": `attachment; filename="dashboard-${asOf.toISOString().slice(0, 10)}.pdf"`,
          "Cache-Control": "no-store",
        },
      }),
  },
);
