import "server-only";
import { eq, inArray, or, type SQL } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Action, actions } from "@/db/schema";
import type { StaffActor } from "@/server/auth/actor";
import { assertCan, type PolicyAction } from "@/server/auth/policy";
import { notFound } from "@/server/errors";

export const actionResource = (a: Pick<Action, "departmentId" | "ownerId">) => ({
  departmentId: a.departmentId,
  ownerId: a.ownerId,
});

/**
 * The actions an actor may see, as SQL, matching the policy's `action.read` rule: agents see
 * their own and their departments' actions; the other roles see all (undefined: no condition).
 */
export function visibleActions(actor: StaffActor): SQL | undefined {
  if (actor.role !== "agent") return undefined;
  const mine = eq(actions.ownerId, actor.userId);
  const departments = actor.departments.map((d) => d.id);
  return departments.length ? or(mine, inArray(actions.departmentId, departments)) : mine;
}

/**
 * Loads an action for a command and checks `action` on it. An action the actor may not reach is
 * "not found", whatever the reason, so another department's action cannot even be confirmed.
 */
export async function loadActionFor(
  tx: Tx,
  actor: StaffActor,
  actionId: string,
  action: PolicyAction,
): Promise<Action> {
  const item = await tx.query.actions.findFirst({ where: eq(actions.id, actionId) });
  if (!item) throw notFound("Action not found");
  assertCan(actor, "action.read", actionResource(item), () => notFound("Action not found"));
  assertCan(actor, action, actionResource(item), () => notFound("Action not found"));
  return item;
}
