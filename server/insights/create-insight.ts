import "server-only";
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { db } from "@/db";
import { insightReasonCodes, insights, reasonCodes } from "@/db/schema";
import { type CreateInsightInput, zCreateInsight } from "@/lib/validation/insights";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";
import { insertEvidence } from "./insert-evidence";

/** The codes must be active, or already on the insight (a code retired since stays where it is). */
export async function checkedCodes(tx: Tx, ids: string[], keep: string[] = []): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const rows = await tx
    .select({ id: reasonCodes.id, state: reasonCodes.state })
    .from(reasonCodes)
    .where(inArray(reasonCodes.id, wanted));
  const ok = rows.filter((r) => r.state === "active" || keep.includes(r.id));
  if (ok.length !== wanted.length)
    throw invalid("Choose active reason codes", { reasonCodeIds: ["Unknown or retired reason code"] });
  return wanted;
}

/** Creates an insight from evidence (notes, listening-log entries, survey comments), with its codes and cost inputs. */
export async function createInsight(actor: Actor, raw: CreateInsightInput): Promise<{ id: string }> {
  assertCan(actor, "insight.create");
  const input = zCreateInsight.parse(raw);
  return db.transaction(async (tx) => {
    const codes = await checkedCodes(tx, input.reasonCodeIds);
    const { evidence, reasonCodeIds: _codes, ...fields } = input;
    const [row] = await tx
      .insert(insights)
      .values({ ...fields, createdById: actor.userId })
      .returning({ id: insights.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(insightReasonCodes)
      .values(codes.map((reasonCodeId) => ({ insightId: row.id, reasonCodeId })));
    await insertEvidence(tx, row.id, evidence, actor.userId);
    await audit(tx, actor, "create", "insight", row.id);
    return row;
  });
}
