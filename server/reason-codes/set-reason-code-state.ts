import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { reasonCodeHistory, reasonCodes } from "@/db/schema";
import { zSetReasonCodeState } from "@/lib/validation/reason-codes";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { conflict, notFound } from "@/server/errors";
import { snapshot } from "./code-view";

/**
 * An admin approves a proposal (→ active), retires an active code, or brings a retired one back.
 * Retired codes stay on the notes and insights that carry them; they are only no longer offered.
 * Returns how many codes are active afterwards, for the >20 warning.
 */
export async function setReasonCodeState(actor: Actor, raw: unknown): Promise<{ activeCount: number }> {
  assertCan(actor, "codebook.manage");
  const input = zSetReasonCodeState.parse(raw);
  return db.transaction(async (tx) => {
    const before = await tx.query.reasonCodes.findFirst({ where: eq(reasonCodes.id, input.id) });
    if (!before) throw notFound("Reason code not found");
    if (before.state === input.to) throw conflict(`The code is already ${input.to}`);
    const [after] = await tx
      .update(reasonCodes)
      .set({ state: input.to, active: input.to === "active", updatedAt: new Date() })
      .where(eq(reasonCodes.id, before.id))
      .returning();
    if (!after) throw notFound("Reason code not found");
    const change =
      input.to === "retired" ? "retired" : before.state === "proposed" ? "approved" : "brought back";
    await tx.insert(reasonCodeHistory).values({
      reasonCodeId: before.id,
      actorId: actor.userId,
      change,
      before: snapshot(before),
      after: snapshot(after),
    });
    await audit(tx, actor, change.replace(" ", "_"), "reason_code", before.id);
    const activeCount = await tx.$count(reasonCodes, eq(reasonCodes.state, "active"));
    return { activeCount };
  });
}
