import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { insightReasonCodes, insights } from "@/db/schema";
import { zUpdateInsight } from "@/lib/validation/insights";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { checkedCodes } from "./create-insight";

/** Edits an insight: title, summary, reason codes, its place on the grid, the cost inputs. */
export async function updateInsight(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "insight.edit");
  const { insightId, reasonCodeIds, ...fields } = zUpdateInsight.parse(raw);
  await db.transaction(async (tx) => {
    const current = await tx.query.insights.findFirst({
      where: eq(insights.id, insightId),
      with: { reasonCodes: true },
    });
    if (!current) throw notFound("Insight not found");
    const codes = await checkedCodes(
      tx,
      reasonCodeIds,
      current.reasonCodes.map((r) => r.reasonCodeId),
    );
    await tx
      .update(insights)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(insights.id, insightId));
    await tx.delete(insightReasonCodes).where(eq(insightReasonCodes.insightId, insightId));
    await tx.insert(insightReasonCodes).values(codes.map((reasonCodeId) => ({ insightId, reasonCodeId })));
    await audit(tx, actor, "edit", "insight", insightId);
  });
}
