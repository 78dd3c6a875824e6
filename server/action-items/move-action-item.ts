import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions } from "@/db/schema";
import { ACTION_MOVES, ACTION_STATUS_LABELS, isReopen } from "@/lib/domain/action-statuses";
import { zMoveActionItem } from "@/lib/validation/action-items";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, invalid } from "@/server/errors";
import { loadActionFor } from "./action-access";
import { mailStaffAboutAction } from "./notify-staff";
import { draftChangeMessages } from "./tell-customers/draft-change-messages";

/**
 * Moves an action item along open → in progress → done → verified, or reopens it from done or
 * verified (with the reason). Owners work it; done needs a note saying what changed (a link and a
 * file name may go with it as evidence) and tells whoever assigned it; only facilitators and admins
 * verify or reopen a done one, and verifying drafts the "you told us, we changed" messages. An
 * item the actor may not move looks missing, and nothing changes.
 */
export async function moveActionItem(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "action.list"); // only staff ever move one; the item decides which staff below
  const input = zMoveActionItem.parse(raw);
  await db.transaction(async (tx) => {
    const current = await loadActionFor(tx, actor, input.actionId, "action.read");
    const verifying = input.to === "verified" || current.status === "done" || current.status === "verified";
    const item = await loadActionFor(tx, actor, input.actionId, verifying ? "action.verify" : "action.work");
    if (!ACTION_MOVES[item.status].includes(input.to)) {
      throw conflict(
        `An action that is ${ACTION_STATUS_LABELS[item.status].toLowerCase()} cannot move to ${ACTION_STATUS_LABELS[input.to].toLowerCase()}`,
      );
    }
    if (input.to === "done" && !input.note)
      throw invalid("Say what was done", { note: ["A resolution note is needed to close an action"] });
    if (isReopen(item.status, input.to) && !input.note)
      throw invalid("Say why it is reopened", { note: ["A reason is needed to reopen an action"] });
    const now = new Date();
    const moved = await tx
      .update(actions)
      .set({
        status: input.to,
        ...(input.to === "done"
          ? {
              resolutionNote: input.note,
              evidenceUrl: input.evidenceUrl,
              evidenceFileName: input.evidenceFileName,
              doneAt: now,
            }
          : {}),
        ...(input.to === "verified" ? { verifiedAt: now } : {}),
        ...(input.to === "open" ? { doneAt: null, verifiedAt: null } : {}),
      })
      .where(and(eq(actions.id, item.id), eq(actions.status, item.status)))
      .returning();
    if (!moved.length) throw conflict("The action changed meanwhile; reload and try again");
    const evidence = [input.evidenceUrl, input.evidenceFileName && `File: ${input.evidenceFileName}`]
      .filter(Boolean)
      .join("\n");
    await tx.insert(actionEvents).values({
      actionId: item.id,
      actorId: actor.userId,
      kind: "status",
      fromStatus: item.status,
      toStatus: input.to,
      note: [input.note, input.to === "done" ? evidence : ""].filter(Boolean).join("\n") || null,
    });
    if (input.to === "done" && item.createdById)
      await mailStaffAboutAction(tx, "done", item, [item.createdById], input.note);
    if (input.to === "verified") await draftChangeMessages(tx, item.id);
    await audit(tx, actor, `move_${input.to}`, "action", item.id);
  });
}
