import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { insightEvidence, insightReasonCodes, insights, reasonCodes, surveyResponses } from "@/db/schema";
import { type CreateInsightInput, zCreateInsight } from "@/lib/validation/insights";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";

/** Creates an insight from evidence, with its reason codes and cost inputs. */
export async function createInsight(actor: Actor, raw: CreateInsightInput): Promise<{ id: string }> {
  assertCan(actor, "insight.create");
  const input = zCreateInsight.parse(raw);
  return db.transaction(async (tx) => {
    const codes = await tx
      .select({ id: reasonCodes.id })
      .from(reasonCodes)
      .where(and(inArray(reasonCodes.id, input.reasonCodeIds), eq(reasonCodes.active, true)));
    if (codes.length !== new Set(input.reasonCodeIds).size) {
      throw invalid("Choose active reason codes", { reasonCodeIds: ["Unknown reason code"] });
    }
    const evidence = input.evidenceResponseIds.length
      ? await tx
          .select({ id: surveyResponses.id, comment: surveyResponses.comment })
          .from(surveyResponses)
          .where(inArray(surveyResponses.id, input.evidenceResponseIds))
      : [];
    const [row] = await tx
      .insert(insights)
      .values({
        title: input.title,
        summary: input.summary,
        customerAxis: input.customerAxis,
        companyAxis: input.companyAxis,
        contactsPerMonth: input.contactsPerMonth,
        handlingMinutes: input.handlingMinutes,
        hourlyCost: input.hourlyCost,
        customersAtRisk: input.customersAtRisk,
        lifetimeValue: input.lifetimeValue,
        createdById: actor.userId,
      })
      .returning({ id: insights.id });
    if (!row) throw new Error("insert returned nothing");
    await tx.insert(insightReasonCodes).values(codes.map((c) => ({ insightId: row.id, reasonCodeId: c.id })));
    const quotes = evidence.filter((e) => e.comment);
    if (quotes.length) {
      await tx
        .insert(insightEvidence)
        .values(quotes.map((e) => ({ insightId: row.id, responseId: e.id, quote: e.comment ?? "" })));
    }
    await audit(tx, actor, "create", "insight", row.id);
    return row;
  });
}
