import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { insightEvidence, insights } from "@/db/schema";
import { monthlyCost } from "@/lib/scoring";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { getCompanySettings } from "@/server/settings/get-company-settings";

/**
 * Every insight's place on the value/irritant grid with how often it was heard and its monthly
 * cost (in the company's currency): what components/insights/value-irritant-grid.tsx draws.
 */
export async function insightGrid(actor: Actor, limit = 500) {
  assertCan(actor, "insight.read");
  const [rows, settings] = await Promise.all([
    db
      .select({
        id: insights.id,
        title: insights.title,
        customerAxis: insights.customerAxis,
        companyAxis: insights.companyAxis,
        contactsPerMonth: insights.contactsPerMonth,
        handlingMinutes: insights.handlingMinutes,
        hourlyCost: insights.hourlyCost,
        customersAtRisk: insights.customersAtRisk,
        lifetimeValue: insights.lifetimeValue,
        heard: count(insightEvidence.id),
      })
      .from(insights)
      .leftJoin(insightEvidence, eq(insightEvidence.insightId, insights.id))
      .groupBy(insights.id)
      .orderBy(desc(insights.createdAt), desc(insights.id))
      .limit(limit),
    getCompanySettings(),
  ]);
  return {
    currency: settings.currency,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      customerAxis: r.customerAxis,
      companyAxis: r.companyAxis,
      heard: r.heard,
      monthlyCost: monthlyCost(r),
    })),
  };
}
