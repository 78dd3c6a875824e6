import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { insightEvidence, insights } from "@/db/schema";
import { zAttachEvidence, zRemoveEvidence } from "@/lib/validation/notes";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { insertEvidence } from "./insert-evidence";

/** Attaches notes, listening-log entries or survey comments to an insight; returns how many were new. */
export async function attachEvidence(actor: Actor, raw: unknown): Promise<{ added: number }> {
  assertCan(actor, "insight.edit");
  const input = zAttachEvidence.parse(raw);
  return db.transaction(async (tx) => {
    const insight = await tx.query.insights.findFirst({ where: eq(insights.id, input.insightId) });
    if (!insight) throw notFound("Insight not found");
    const added = await insertEvidence(tx, insight.id, input.evidence, actor.userId);
    await tx.update(insights).set({ updatedAt: new Date() }).where(eq(insights.id, insight.id));
    await audit(tx, actor, "add_evidence", "insight", insight.id);
    return { added };
  });
}

/** Removes one piece of evidence from an insight (the note or comment itself stays). */
export async function removeEvidence(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "insight.edit");
  const input = zRemoveEvidence.parse(raw);
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(insightEvidence)
      .where(and(eq(insightEvidence.id, input.evidenceId), eq(insightEvidence.insightId, input.insightId)))
      .returning({ id: insightEvidence.id });
    if (!gone.length) throw notFound("Evidence not found");
    await tx.update(insights).set({ updatedAt: new Date() }).where(eq(insights.id, input.insightId));
    await audit(tx, actor, "remove_evidence", "insight", input.insightId);
  });
}
