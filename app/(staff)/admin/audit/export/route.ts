import { NextResponse } from "next/server";
import { entry } from "@/app/_lib/entry/define-entry";
import { routeHandler } from "@/app/_lib/entry/route-handler";
import { zAuditFilter } from "@/lib/validation/admin";
import { auditCsv, listAuditLog } from "@/server/admin/audit-log";

// POST /admin/audit/export?resourceType=…&action=… — the filtered audit log as CSV (admins). A
// POST from the audit page, like every export.
export const POST = routeHandler(
  entry({
    actor: "staff",
    input: zAuditFilter,
    run: async ({ actor, input }) => auditCsv(await listAuditLog(actor, input, 5000)),
  }),
  {
    label: "audit-export",
    csrf: "same-origin",
    body: "none",
    read: (_body, request) =>
      Object.fromEntries(
        [...request.nextUrl.searchParams].filter(
          ([k, v]) => v !== "" && ["resourceType", "resourceId", "action"].includes(k),
        ),
      ),
    reply: (csv) =>
      new NextResponse(csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
          "Cache-Control": "no-store",
        },
      }),
  },
);
