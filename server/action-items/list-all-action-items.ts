import "server-only";
import type { ActionItemListQuery } from "@/lib/validation/action-items";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { pageOfActionItems } from "./action-item-query";

/** Every action item, a page at a time (for facilitators verifying and executives following up). */
export async function listAllActionItems(actor: Actor, query: ActionItemListQuery = {}) {
  assertCan(actor, "action.read");
  return pageOfActionItems(undefined, query);
}
