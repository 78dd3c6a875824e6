import "server-only";
import { count } from "drizzle-orm";
import { db } from "@/db";
import { insights } from "@/db/schema";
import { type ListPage, pageWindow } from "@/lib/paging";
import { monthlyCost } from "@/lib/scoring";
import { type InsightListQuery, zInsightListQuery } from "@/lib/validation/insights";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { sortOrder } from "@/server/lists/sort-order";

const SORTS = { created: insights.createdAt, title: insights.title };

/** Insights with their codes, evidence count and monthly cost, a page at a time. */
export async function listInsights(actor: Actor, query: InsightListQuery = {}) {
  assertCan(actor, "insight.read");
  const { page, sort } = zInsightListQuery.parse(query);
  const [total] = await db.select({ n: count() }).from(insights);
  const at = pageWindow(total?.n ?? 0, page);
  const rows = await db.query.insights.findMany({
    orderBy: sortOrder(sort, SORTS, insights.id),
    limit: at.pageSize,
    offset: at.offset,
    with: { reasonCodes: { with: { reasonCode: true } }, evidence: true },
  });
  return {
    rows: rows.map((i) => ({
      id: i.id,
      title: i.title,
      customerAxis: i.customerAxis,
      companyAxis: i.companyAxis,
      monthlyCost: monthlyCost(i),
      heard: i.evidence.length,
      codes: i.reasonCodes.map((r) => ({ number: r.reasonCode.number, label: r.reasonCode.label })),
      createdAt: i.createdAt,
    })),
    total: total?.n ?? 0,
    sort,
    ...at,
  } satisfies ListPage<unknown>;
}
