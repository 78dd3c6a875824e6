import "server-only";
import { db } from "@/db";
import { actionEvents } from "@/db/schema";
import { zCommentActionItem } from "@/lib/validation/action-items";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { loadActionFor } from "./action-access";

/** A comment on the action's timeline, by anyone who may see the action. */
export async function commentActionItem(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "action.list");
  const input = zCommentActionItem.parse(raw);
  await db.transaction(async (tx) => {
    const item = await loadActionFor(tx, actor, input.actionId, "action.read");
    await tx.insert(actionEvents).values({
      actionId: item.id,
      actorId: actor.userId,
      kind: "comment",
      toStatus: item.status,
      note: input.text,
    });
    await audit(tx, actor, "comment", "action", item.id);
  });
}
