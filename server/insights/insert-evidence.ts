import "server-only";
import type { Tx } from "@/db";
import { insightEvidence } from "@/db/schema";
import { resolveEvidence } from "./evidence-sources";

/**
 * Adds evidence to an insight in the caller's transaction. A note or comment already on the
 * insight is skipped (unique per insight and source), so attaching twice never counts it twice.
 */
export async function insertEvidence(tx: Tx, insightId: string, refs: string[], actorId: string) {
  const resolved = await resolveEvidence(tx, refs);
  if (!resolved.length) return 0;
  const rows = await tx
    .insert(insightEvidence)
    .values(resolved.map((e) => ({ ...e, insightId, addedById: actorId })))
    .onConflictDoNothing()
    .returning({ id: insightEvidence.id });
  return rows.length;
}
