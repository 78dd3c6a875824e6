import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, users } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { actionResource } from "./action-access";
import { selectActionItems } from "./action-item-query";
import { listDepartmentsWithMembers } from "./list-departments-with-members";
import { changeMessagesView } from "./tell-customers/change-messages-view";

/**
 * One action item with its timeline, and what the actor may do with it next. Another
 * department's action (for an agent) is not found, exactly like a missing one.
 */
export async function getActionItem(actor: Actor, actionItemId: string) {
  assertCan(actor, "action.list");
  const [row] = await selectActionItems(eq(actions.id, actionItemId));
  if (!row) throw notFound("Action not found");
  const resource = actionResource(row);
  assertCan(actor, "action.read", resource, () => notFound("Action not found"));
  const timeline = await db
    .select({
      id: actionEvents.id,
      kind: actionEvents.kind,
      fromStatus: actionEvents.fromStatus,
      toStatus: actionEvents.toStatus,
      note: actionEvents.note,
      at: actionEvents.createdAt,
      actor: users.name,
    })
    .from(actionEvents)
    .leftJoin(users, eq(users.id, actionEvents.actorId))
    .where(eq(actionEvents.actionId, actionItemId))
    .orderBy(desc(actionEvents.createdAt), desc(actionEvents.id));
  const canEdit = can(actor, "action.edit") && row.status !== "verified";
  const canTellCustomers = can(actor, "action.tell_customers") && row.status === "verified";
  const full = canTellCustomers
    ? await db.query.actions.findFirst({ where: eq(actions.id, row.id) })
    : undefined;
  return {
    ...row,
    deadlineDay: instantToZonedWallTime(row.deadline, actor.timeZone).slice(0, 10),
    timeline,
    canWork: can(actor, "action.work", resource),
    canVerify: can(actor, "action.verify"),
    canComment: true,
    canEdit,
    departments: canEdit ? await listDepartmentsWithMembers(actor) : [],
    customers: full ? await changeMessagesView(db, full) : null,
  };
}
