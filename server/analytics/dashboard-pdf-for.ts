import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { departments } from "@/db/schema";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { dashboardPdf } from "./dashboard-pdf";
import { loadDashboard } from "./load-dashboard";

/** The PDF of the dashboard for these filters, with the filters spelled out on it. */
export async function dashboardPdfFor(actor: Actor, f: DashboardFilters) {
  assertCan(actor, "dashboard.read");
  const data = await loadDashboard(actor, f);
  const dept = f.department
    ? (
        await db.select({ name: departments.name }).from(departments).where(eq(departments.id, f.department))
      )[0]?.name
    : undefined;
  const parts = [
    f.format && `format ${f.format.replace("_", " ")}`,
    f.segment && `segment ${f.segment}`,
    f.language && `language ${f.language}`,
    dept && `department ${dept}`,
  ].filter(Boolean);
  const pdf = await dashboardPdf(data, f, parts.length ? parts.join(", ") : "all customers");
  return { pdf, asOf: data.asOf };
}
