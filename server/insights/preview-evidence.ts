import "server-only";
import { db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { resolveEvidence } from "./evidence-sources";

/** What a selection of refs says, for the page that asks before attaching it (no change). */
export async function previewEvidence(actor: Actor, refs: string[]) {
  assertCan(actor, "insight.edit");
  const resolved = await resolveEvidence(db, refs);
  return resolved.map((e) => ({ source: e.source, quote: e.quote }));
}
