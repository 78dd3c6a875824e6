import "server-only";
import { count, eq, inArray, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { insightReasonCodes, insights, reasonCodes } from "@/db/schema";
import { type ListPage, pageWindow } from "@/lib/paging";
import { monthlyCost } from "@/lib/scoring";
import { type InsightListQuery, zInsightListQuery } from "@/lib/validation/insights";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { sortOrder } from "@/server/lists/sort-order";

const SORTS = { created: insights.createdAt, title: insights.title };

/**
 * Insights with their codes, evidence count and monthly cost, a page at a time; with `code`, only
 * those carrying that reason code (the dashboard's Pareto bars link here).
 */
export async function listInsights(actor: Actor, query: InsightListQuery = {}) {
  assertCan(actor, "insight.read");
  const { page, sort, code: number } = zInsightListQuery.parse(query);
  const [code] =
    number === undefined
      ? []
      : await db
          .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
          .from(reasonCodes)
          .where(eq(reasonCodes.number, number));
  const where: SQL | undefined =
    number === undefined
      ? undefined
      : inArray(
          insights.id,
          db
            .select({ id: insightReasonCodes.insightId })
            .from(insightReasonCodes)
            .where(eq(insightReasonCodes.reasonCodeId, code?.id ?? "")),
        );
  const [total] = await db.select({ n: count() }).from(insights).where(where);
  const at = pageWindow(total?.n ?? 0, page);
  const rows = await db.query.insights.findMany({
    where,
    orderBy: sortOrder(sort, SORTS, insights.id),
    limit: at.pageSize,
    offset: at.offset,
    with: { reasonCodes: { with: { reasonCode: true } }, evidence: true },
  });
  const list = {
    rows: rows.map((i) => ({
      id: i.id,
      title: i.title,
      customerAxis: i.customerAxis,
      companyAxis: i.companyAxis,
      monthlyCost: monthlyCost(i),
      heard: i.evidence.length,
      distinctCustomers: new Set(i.evidence.map((e) => e.customerId).filter(Boolean)).size,
      codes: i.reasonCodes.map((r) => ({ number: r.reasonCode.number, label: r.reasonCode.label })),
      createdAt: i.createdAt,
    })),
    total: total?.n ?? 0,
    sort,
    ...at,
  } satisfies ListPage<unknown>;
  /** `code`: the reason code the list is narrowed to (null: none asked, or no such number). */
  return { ...list, code: code ?? null, codeAsked: number };
}
