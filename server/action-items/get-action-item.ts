import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, users } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { selectActionItems } from "./action-item-query";

/** One action item with its timeline, and what the actor may do with it next. */
export async function getActionItem(actor: Actor, actionItemId: string) {
  assertCan(actor, "action.read");
  const [row] = await selectActionItems(eq(actions.id, actionItemId));
  if (!row) throw notFound("Action not found");
  const timeline = await db
    .select({
      id: actionEvents.id,
      fromStatus: actionEvents.fromStatus,
      toStatus: actionEvents.toStatus,
      note: actionEvents.note,
      at: actionEvents.createdAt,
      actor: users.name,
    })
    .from(actionEvents)
    .innerJoin(users, eq(users.id, actionEvents.actorId))
    .where(eq(actionEvents.actionId, actionItemId))
    .orderBy(desc(actionEvents.createdAt));
  const resource = { departmentId: row.departmentId, ownerId: row.ownerId };
  return {
    ...row,
    timeline,
    canWork: can(actor, "action.work", resource),
    canVerify: can(actor, "action.verify"),
  };
}
