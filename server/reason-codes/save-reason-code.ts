import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { db } from "@/db";
import { reasonCodeHistory, reasonCodes } from "@/db/schema";
import { zProposeReasonCode, zSaveReasonCode } from "@/lib/validation/reason-codes";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid, notFound } from "@/server/errors";
import { snapshot } from "./code-view";

async function assertNumberFree(tx: Tx, number: number, except?: string) {
  const [taken] = await tx
    .select({ id: reasonCodes.id, label: reasonCodes.label })
    .from(reasonCodes)
    .where(
      except
        ? and(eq(reasonCodes.number, number), ne(reasonCodes.id, except))
        : eq(reasonCodes.number, number),
    );
  if (taken)
    throw invalid("That number is taken", { number: [`${number} is “${taken.label}”; choose another`] });
}

/**
 * An admin creates an active code or edits one (wording, definition, examples, its number); the
 * change goes into the code's history with what it was before.
 */
export async function saveReasonCode(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "codebook.manage");
  const input = zSaveReasonCode.parse(raw);
  const { id, ...fields } = input;
  return db.transaction(async (tx) => {
    await assertNumberFree(tx, fields.number, id);
    if (!id) {
      const [row] = await tx
        .insert(reasonCodes)
        .values({ ...fields, state: "active", active: true })
        .returning();
      if (!row) throw new Error("insert returned nothing");
      await tx.insert(reasonCodeHistory).values({
        reasonCodeId: row.id,
        actorId: actor.userId,
        change: "created",
        before: null,
        after: snapshot(row),
      });
      await audit(tx, actor, "create", "reason_code", row.id);
      return { id: row.id };
    }
    const before = await tx.query.reasonCodes.findFirst({ where: eq(reasonCodes.id, id) });
    if (!before) throw notFound("Reason code not found");
    const [after] = await tx
      .update(reasonCodes)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(reasonCodes.id, id))
      .returning();
    if (!after) throw notFound("Reason code not found");
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => before[k] !== after[k]);
    if (changed.length) {
      const change =
        before.number !== after.number
          ? `renumbered ${before.number} → ${after.number}`
          : `edited ${changed.join(", ")}`;
      await tx.insert(reasonCodeHistory).values({
        reasonCodeId: id,
        actorId: actor.userId,
        change,
        before: snapshot(before),
        after: snapshot(after),
      });
    }
    await audit(tx, actor, "edit", "reason_code", id);
    return { id };
  });
}

/** A facilitator proposes a code; it is inactive (never offered in pickers) until an admin approves it. */
export async function proposeReasonCode(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "codebook.propose");
  const input = zProposeReasonCode.parse(raw);
  return db.transaction(async (tx) => {
    await assertNumberFree(tx, input.number);
    const [row] = await tx
      .insert(reasonCodes)
      .values({ ...input, state: "proposed", active: false, proposedById: actor.userId })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await tx.insert(reasonCodeHistory).values({
      reasonCodeId: row.id,
      actorId: actor.userId,
      change: "proposed",
      before: null,
      after: snapshot(row),
    });
    await audit(tx, actor, "propose", "reason_code", row.id);
    return { id: row.id };
  });
}
