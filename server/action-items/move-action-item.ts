import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions } from "@/db/schema";
import { ACTION_MOVES } from "@/lib/scoring";
import { zMoveActionItem } from "@/lib/validation/action-items";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, invalid, notFound } from "@/server/errors";

/**
 * Moves an action item along open → in progress → done → verified (or back to open). Owners work
 * it; done needs a resolution note; only facilitators/admins verify or reopen a done one. An
 * item the actor may not move looks missing.
 */
export async function moveActionItem(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "action.read"); // only staff ever move one; the item decides which staff below
  const input = zMoveActionItem.parse(raw);
  await db.transaction(async (tx) => {
    const item = await tx.query.actions.findFirst({ where: eq(actions.id, input.actionId) });
    if (!item) throw notFound("Action not found");
    const verifying =
      input.to === "verified" ||
      (item.status === "done" && input.to === "open") ||
      item.status === "verified";
    assertCan(
      actor,
      verifying ? "action.verify" : "action.work",
      { departmentId: item.departmentId, ownerId: item.ownerId },
      () => notFound("Action not found"),
    );
    if (!ACTION_MOVES[item.status]?.includes(input.to)) {
      throw conflict(
        `An action that is ${item.status.replace("_", " ")} cannot move to ${input.to.replace("_", " ")}`,
      );
    }
    if (input.to === "done" && !input.note) {
      throw invalid("Say what was done", { note: ["A resolution note is needed to close an action"] });
    }
    const now = new Date();
    await tx
      .update(actions)
      .set({
        status: input.to,
        ...(input.to === "done" ? { resolutionNote: input.note, doneAt: now } : {}),
        ...(input.to === "verified" ? { verifiedAt: now } : {}),
        ...(input.to === "open" ? { doneAt: null, verifiedAt: null } : {}),
      })
      .where(and(eq(actions.id, item.id), eq(actions.status, item.status)));
    await tx.insert(actionEvents).values({
      actionId: item.id,
      actorId: actor.userId,
      fromStatus: item.status,
      toStatus: input.to,
      note: input.note || null,
    });
    await audit(tx, actor, `move_${input.to}`, "action", item.id);
  });
}
