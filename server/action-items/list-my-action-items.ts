import "server-only";
import { eq, inArray, ne, or } from "drizzle-orm";
import { actions } from "@/db/schema";
import type { ActionItemListQuery } from "@/lib/validation/action-items";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { pageOfActionItems } from "./action-item-query";

/**
 * "My actions": the unverified action items the actor owns or that belong to a department the
 * actor owns (verified ones need nothing more from anyone), a page at a time.
 */
export async function listMyActionItems(actor: Actor, query: ActionItemListQuery = {}) {
  assertCan(actor, "action.list");
  const ownedDepartments = actor.departments.filter((d) => d.isOwner).map((d) => d.id);
  const mine = ownedDepartments.length
    ? or(eq(actions.ownerId, actor.userId), inArray(actions.departmentId, ownedDepartments))
    : eq(actions.ownerId, actor.userId);
  return pageOfActionItems([mine, ne(actions.status, "verified")], query);
}
