import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, departments, users } from "@/db/schema";
import { formatDate, zonedWallTimeToInstant } from "@/lib/dates";
import { zEditActionItem } from "@/lib/validation/action-items";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, invalid } from "@/server/errors";
import { loadActionFor } from "./action-access";
import { assertOwnerInDepartment } from "./department-owner";
import { mailStaffAboutAction } from "./notify-staff";

/**
 * Edits or reassigns an action (title, department, owner, deadline). The change is written on the
 * timeline in words; a new owner is emailed; a new deadline gets its own reminder and escalations
 * (their dedupe keys carry the deadline). A verified action is finished: reopen it first.
 */
export async function editActionItem(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "action.edit");
  const input = zEditActionItem.parse(raw);
  const deadline = zonedWallTimeToInstant(`${input.deadline}T23:59`, actor.timeZone);
  await db.transaction(async (tx) => {
    const item = await loadActionFor(tx, actor, input.actionId, "action.edit");
    if (item.status === "verified") throw conflict("A verified action cannot be edited; reopen it first");
    await assertOwnerInDepartment(tx, input.departmentId, input.ownerId);
    const deadlineMoved = deadline.getTime() !== item.deadline.getTime();
    if (deadlineMoved && deadline.getTime() < Date.now())
      throw invalid("The deadline has passed", { deadline: ["Choose a future date"] });
    const name = async (table: typeof users | typeof departments, id: string) =>
      (await tx.select({ name: table.name }).from(table).where(eq(table.id, id)))[0]?.name ?? "?";
    const changes: string[] = [];
    if (input.title !== item.title) changes.push(`title “${item.title}” → “${input.title}”`);
    if (input.departmentId !== item.departmentId)
      changes.push(
        `department ${await name(departments, item.departmentId)} → ${await name(departments, input.departmentId)}`,
      );
    if (input.ownerId !== item.ownerId)
      changes.push(`owner ${await name(users, item.ownerId)} → ${await name(users, input.ownerId)}`);
    if (deadlineMoved)
      changes.push(
        `deadline ${formatDate(item.deadline, actor.timeZone)} → ${formatDate(deadline, actor.timeZone)}`,
      );
    if (!changes.length) return;
    const updated = await tx
      .update(actions)
      .set({ title: input.title, departmentId: input.departmentId, ownerId: input.ownerId, deadline })
      .where(and(eq(actions.id, item.id), eq(actions.status, item.status)))
      .returning();
    const row = updated[0];
    if (!row) throw conflict("The action changed meanwhile; reload and try again");
    await tx.insert(actionEvents).values({
      actionId: item.id,
      actorId: actor.userId,
      kind: "edit",
      toStatus: item.status,
      note: [changes.join("; "), input.reason].filter(Boolean).join("\n"),
    });
    if (input.ownerId !== item.ownerId) await mailStaffAboutAction(tx, "reassigned", row, [row.ownerId]);
    await audit(tx, actor, "edit", "action", item.id);
  });
}
