// Paged lists of action items and insights: a page of PAGE_SIZE rows, the total, whitelisted
// sorts (ties broken by id, so pages never overlap) and "My actions" scoped to the actor's work.
import "../support/test-env";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { actions, insights } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/paging";
import { listAllActionItems } from "@/server/action-items/list-all-action-items";
import { listMyActionItems } from "@/server/action-items/list-my-action-items";
import { listInsights } from "@/server/insights/list-insights";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

const countOf = async (table: typeof actions | typeof insights) =>
  (await db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

beforeAll(async () => {
  staff = await seededDb();
  // Enough rows for three pages, with equal deadlines so that only the tiebreak orders them.
  const template = (await db.query.actions.findFirst({
    where: eq(actions.departmentId, staff.owner.departments.find((d) => d.isOwner)!.id),
  }))!;
  const deadline = new Date(Date.UTC(2031, 0, 1));
  await db.insert(actions).values(
    Array.from({ length: 2 * PAGE_SIZE + 7 }, (_, i) => ({
      insightId: template.insightId,
      departmentId: template.departmentId,
      ownerId: template.ownerId,
      title: `Paged item ${String(i).padStart(3, "0")}`,
      status: i % 3 === 0 ? ("verified" as const) : ("open" as const),
      deadline,
    })),
  );
  await db.insert(insights).values(
    Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({
      title: `Paged insight ${i}`,
      customerAxis: "value" as const,
      companyAxis: "value" as const,
      createdById: staff.facilitator.userId,
    })),
  );
});

describe("action item lists", () => {
  it("answer one page and the total; the pages together hold every row once", async () => {
    const total = await countOf(actions);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(total / PAGE_SIZE); page++) {
      const p = await listAllActionItems(staff.executive, { page });
      expect(p.total).toBe(total);
      expect(p.rows.length).toBe(Math.min(PAGE_SIZE, total - (page - 1) * PAGE_SIZE));
      for (const r of p.rows) seen.add(r.id);
    }
    expect(seen.size).toBe(total);
  });

  it("sort by a whitelisted key either way; anything else falls back to the deadline", async () => {
    const byTitle = (await listAllActionItems(staff.executive, { sort: "-title" })).rows.map((r) => r.title);
    expect(byTitle).toEqual([...byTitle].sort().reverse());
    const fallback = await listAllActionItems(staff.executive, {
      sort: "owner_id; drop table actions",
      page: "x",
    });
    const deadlines = fallback.rows.map((r) => r.deadline.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(fallback.page).toBe(1);
  });

  it("My actions hold only the actor's unverified work, counted the same way", async () => {
    const mine = await listMyActionItems(staff.owner, { sort: "title" });
    const ownedDepartments = staff.owner.departments.filter((d) => d.isOwner).map((d) => d.id);
    for (const r of mine.rows) {
      expect(r.status).not.toBe("verified");
      expect(r.ownerId === staff.owner.userId || ownedDepartments.includes(r.departmentId)).toBe(true);
    }
    expect(mine.rows.length).toBe(PAGE_SIZE);
    const last = await listMyActionItems(staff.owner, { page: Math.ceil(mine.total / PAGE_SIZE) });
    expect(last.rows.length).toBe(mine.total - (last.page - 1) * PAGE_SIZE);
  });
});

describe("insight list", () => {
  it("pages newest first by default and sorts by title on request", async () => {
    const total = await countOf(insights);
    const first = await listInsights(staff.agent);
    expect([first.total, first.rows.length]).toEqual([total, PAGE_SIZE]);
    const created = first.rows.map((r) => r.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
    const second = await listInsights(staff.agent, { page: 2 });
    expect(second.rows.length).toBe(Math.min(PAGE_SIZE, total - PAGE_SIZE));
    expect(second.rows.some((r) => first.rows.some((f) => f.id === r.id))).toBe(false);
    const titles = (await listInsights(staff.agent, { sort: "title" })).rows.map((r) => r.title);
    expect(titles).toEqual([...titles].sort());
  });

  it("narrows to the insights carrying a reason code, by its number (the Pareto's click-through)", async () => {
    const tagged = (await db.query.insightReasonCodes.findFirst({ with: { reasonCode: true } }))!;
    const number = tagged.reasonCode.number;
    const carrying = await db.query.insightReasonCodes.findMany({
      where: (t, { eq }) => eq(t.reasonCodeId, tagged.reasonCodeId),
    });
    const list = await listInsights(staff.agent, { code: String(number) });
    expect(list.code?.id).toBe(tagged.reasonCodeId);
    expect(list.total).toBe(new Set(carrying.map((c) => c.insightId)).size);
    for (const r of list.rows) expect(r.codes.map((c) => c.number)).toContain(number);
    // A number no code has: an empty list that says so, not every insight.
    const none = await listInsights(staff.agent, { code: "99999" });
    expect([none.code, none.codeAsked, none.total]).toEqual([null, 99999, 0]);
    // Junk is ignored: the whole list.
    expect((await listInsights(staff.agent, { code: "x" })).total).toBe(await countOf(insights));
  });
});
