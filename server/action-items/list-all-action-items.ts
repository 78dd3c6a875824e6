import "server-only";
import type { ActionItemListQuery } from "@/lib/validation/action-items";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { visibleActions } from "./action-access";
import { pageOfActionItems } from "./action-item-query";

/**
 * Every action item the actor may see, a page at a time: all of them for facilitators verifying
 * and executives following up; an agent's own and their departments' only.
 */
export async function listAllActionItems(actor: Actor, query: ActionItemListQuery = {}) {
  assertCan(actor, "action.list");
  return pageOfActionItems([visibleActions(actor)], query);
}
