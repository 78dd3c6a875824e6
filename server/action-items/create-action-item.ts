import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, insights } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { zCreateActionItem } from "@/lib/validation/action-items";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid, notFound } from "@/server/errors";
import { assertOwnerInDepartment } from "./department-owner";
import { mailStaffAboutAction } from "./notify-staff";

/**
 * Assigns an action item on an insight to a department and a named owner in it, with a deadline;
 * the owner is emailed in the same transaction.
 */
export async function createActionItem(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "action.create");
  const input = zCreateActionItem.parse(raw);
  // The deadline is the end of that day in the assigner's zone.
  const deadline = zonedWallTimeToInstant(`${input.deadline}T23:59`, actor.timeZone);
  if (deadline.getTime() < Date.now())
    throw invalid("The deadline has passed", { deadline: ["Choose a future date"] });
  return db.transaction(async (tx) => {
    const insight = await tx.query.insights.findFirst({ where: eq(insights.id, input.insightId) });
    if (!insight) throw notFound("Insight not found");
    await assertOwnerInDepartment(tx, input.departmentId, input.ownerId);
    const [row] = await tx
      .insert(actions)
      .values({ ...input, deadline, status: "open", createdById: actor.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(actionEvents)
      .values({ actionId: row.id, actorId: actor.userId, kind: "status", toStatus: "open", note: null });
    await mailStaffAboutAction(tx, "assigned", row, [row.ownerId]);
    await audit(tx, actor, "create", "action", row.id);
    return { id: row.id };
  });
}
