import "server-only";
import { count, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { actions, departments, insights, users } from "@/db/schema";
import { type ActionItemListQuery, zActionItemListQuery } from "@/lib/validation/action-items";
import { type Page, pageWindow } from "@/lib/validation/paging";
import { sortOrder } from "@/server/lists/sort-order";

const columns = {
  id: actions.id,
  title: actions.title,
  status: actions.status,
  deadline: actions.deadline,
  resolutionNote: actions.resolutionNote,
  departmentId: actions.departmentId,
  department: departments.name,
  ownerId: actions.ownerId,
  owner: users.name,
  insightId: actions.insightId,
  insight: insights.title,
};

/** Action items with their department's, owner's and insight's names: what every list and page shows. */
export function selectActionItems(where?: SQL) {
  return db
    .select(columns)
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .innerJoin(insights, eq(insights.id, actions.insightId))
    .where(where);
}

export type ActionItem = Awaited<ReturnType<typeof selectActionItems>>[number];

const SORTS = {
  deadline: actions.deadline,
  title: actions.title,
  department: departments.name,
  owner: users.name,
  created: actions.createdAt,
};

/**
 * One page of the action items matching `where` (a condition on the actions table alone: the
 * total is counted without the joins), in the order the whitelisted query asks for.
 */
export async function pageOfActionItems(
  where: SQL | undefined,
  query: ActionItemListQuery,
): Promise<Page<ActionItem>> {
  const { page, sort } = zActionItemListQuery.parse(query);
  const { limit, offset } = pageWindow(page);
  const [rows, [total]] = await Promise.all([
    selectActionItems(where)
      .orderBy(...sortOrder(sort, SORTS, actions.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(actions).where(where),
  ]);
  return { rows, total: total?.n ?? 0, page, pageSize: limit };
}
