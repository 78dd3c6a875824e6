import { type NextRequest, NextResponse } from "next/server";
import { isSameOriginPost } from "@/app/_lib/same-origin";
import { currentStaff } from "@/server/auth/staff";
import { exportCustomer } from "@/server/customers/export-customer";
import { DomainError, HTTP_STATUS } from "@/server/errors";

// POST /customers/:id/export — everything held about one customer, as a JSON download
// (facilitators and admins). A POST from the customer's page: an export is a deliberate act that
// is audited, and a link scanner or prefetch must never trigger one.
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOriginPost(request.headers)) return NextResponse.json({ error: "forbidden" }, { status: 403 });
  const { id } = await params;
  const actor = (await currentStaff()) ?? { kind: "anonymous" as const };
  try {
    const data = await exportCustomer(actor, id);
    const day = data.exportedAt.toISOString().slice(0, 10);
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="customer-${data.customer.id}-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError)
      return NextResponse.json({ error: error.code }, { status: HTTP_STATUS[error.code] });
    console.error("[customer-export] failed", error instanceof Error ? error.message : error);
    return NextResponse.json({ error: "unavailable" }, { status: 503 });
  }
}
