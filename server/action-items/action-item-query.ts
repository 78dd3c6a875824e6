import "server-only";
import { and, count, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { actions, departments, insights, users } from "@/db/schema";
import { type ListPage, pageWindow } from "@/lib/paging";
import {
  type ActionItemListQuery,
  type ActionItemSortKey,
  zActionItemListQuery,
} from "@/lib/validation/action-items";
import { sortOrder } from "@/server/lists/sort-order";

const columns = {
  id: actions.id,
  title: actions.title,
  status: actions.status,
  deadline: actions.deadline,
  resolutionNote: actions.resolutionNote,
  evidenceUrl: actions.evidenceUrl,
  evidenceFileName: actions.evidenceFileName,
  departmentId: actions.departmentId,
  department: departments.name,
  ownerId: actions.ownerId,
  owner: users.name,
  insightId: actions.insightId,
  insight: insights.title,
  createdById: actions.createdById,
  doneAt: actions.doneAt,
  verifiedAt: actions.verifiedAt,
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
  status: actions.status,
  created: actions.createdAt,
};

/**
 * One page of the action items matching `where` (conditions on the actions table alone: the
 * total is counted without the joins), in the order the whitelisted query asks for.
 */
export async function pageOfActionItems(
  where: (SQL | undefined)[],
  query: ActionItemListQuery,
): Promise<ListPage<ActionItem, ActionItemSortKey>> {
  const { page, sort } = zActionItemListQuery.parse(query);
  const condition = and(...where);
  const [total] = await db.select({ n: count() }).from(actions).where(condition);
  const at = pageWindow(total?.n ?? 0, page);
  const rows = await selectActionItems(condition)
    .orderBy(...sortOrder(sort, SORTS, actions.id))
    .limit(at.pageSize)
    .offset(at.offset);
  return { rows, total: total?.n ?? 0, sort, ...at };
}
