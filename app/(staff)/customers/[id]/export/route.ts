import { NextResponse } from "next/server";
import { z } from "zod";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { exportCustomer } from "@/server/customers/export-customer";

// POST /customers/:id/export — everything held about one customer, as a JSON download
// (facilitators and admins). A POST from the customer's page: an export is a deliberate act that
// is audited, and a link scanner or prefetch must never trigger one.
export const POST = routeHandler(
  entry({
    actor: "staff",
    input: z.strictObject({ id: z.string() }),
    run: ({ actor, input }) => exportCustomer(actor, input.id),
  }),
  {
    label: "customer-export",
    csrf: "same-origin",
    body: "none",
    read: async (_body, _request, { params }: { params: Promise<{ id: string }> }) => ({
      id: (await params).id,
    }),
    reply: (data) =>
      new NextResponse(JSON.stringify(data, null, 2), {
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="customer-${data.customer.id}-${data.exportedAt.toISOString().slice(0, 10)}.json"`,
          "Cache-Control": "no-store",
        },
      }),
  },
);
