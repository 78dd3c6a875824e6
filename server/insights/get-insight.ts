import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { actions, insights } from "@/db/schema";
import { monthlyCost } from "@/lib/scoring";
import { selectActionItems } from "@/server/action-items/action-item-query";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

/** One insight with evidence quotes and its action items. */
export async function getInsight(actor: Actor, insightId: string) {
  assertCan(actor, "insight.read");
  const i = await db.query.insights.findFirst({
    where: eq(insights.id, insightId),
    with: { reasonCodes: { with: { reasonCode: true } }, evidence: true, createdBy: true },
  });
  if (!i) throw notFound("Insight not found");
  const actionItems = await selectActionItems(eq(actions.insightId, insightId)).orderBy(
    asc(actions.deadline),
  );
  return {
    id: i.id,
    title: i.title,
    summary: i.summary,
    customerAxis: i.customerAxis,
    companyAxis: i.companyAxis,
    monthlyCost: monthlyCost(i),
    costInputs: {
      contactsPerMonth: i.contactsPerMonth,
      handlingMinutes: i.handlingMinutes,
      hourlyCost: i.hourlyCost,
      customersAtRisk: i.customersAtRisk,
      lifetimeValue: i.lifetimeValue,
    },
    createdBy: i.createdBy.name,
    createdAt: i.createdAt,
    codes: i.reasonCodes.map((r) => ({ number: r.reasonCode.number, label: r.reasonCode.label })),
    evidence: i.evidence.map((e) => ({ id: e.id, quote: e.quote })),
    actionItems,
    canAddActionItem: can(actor, "action.create"),
  };
}
