import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, notInArray } from "drizzle-orm";
import { db } from "@/db";
import {
  actions,
  departments,
  insightEvidence,
  insightReasonCodes,
  insights,
  reasonCodes,
  sessions,
  surveyResponses,
  users,
} from "@/db/schema";
import { monthlyCost } from "@/lib/scoring";
import { type CreateInsightInput, zCreateInsight } from "@/lib/validation/insights";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, invalid, notFound } from "@/server/errors";

/** Active numbered reason codes, in number order. */
export async function listReasonCodes(actor: Actor) {
  if (!can(actor, "insight.read")) throw forbidden();
  return db.select().from(reasonCodes).where(eq(reasonCodes.active, true)).orderBy(asc(reasonCodes.number));
}

/** Survey comments not yet used as evidence: the facilitator's triage list (anonymous). */
export async function listUntriagedComments(actor: Actor, limit = 50) {
  if (!can(actor, "insight.create")) throw forbidden();
  const used = db
    .select({ id: insightEvidence.responseId })
    .from(insightEvidence)
    .where(isNotNull(insightEvidence.responseId));
  return db
    .select({
      id: surveyResponses.id,
      comment: surveyResponses.comment,
      csat: surveyResponses.csat,
      nps: surveyResponses.nps,
      language: surveyResponses.language,
      createdAt: surveyResponses.createdAt,
      sessionTitle: sessions.title,
    })
    .from(surveyResponses)
    .innerJoin(sessions, eq(sessions.id, surveyResponses.sessionId))
    .where(and(isNotNull(surveyResponses.comment), notInArray(surveyResponses.id, used)))
    .orderBy(desc(surveyResponses.createdAt))
    .limit(limit);
}

/** Creates an insight from evidence, with its reason codes and cost inputs. */
export async function createInsight(actor: Actor, raw: CreateInsightInput): Promise<{ id: string }> {
  if (actor.kind !== "staff" || !can(actor, "insight.create")) throw forbidden();
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

/** Insights with their codes, evidence count, cost and actions summary. */
export async function listInsights(actor: Actor) {
  if (!can(actor, "insight.read")) throw forbidden();
  const rows = await db.query.insights.findMany({
    orderBy: desc(insights.createdAt),
    with: { reasonCodes: { with: { reasonCode: true } }, evidence: true },
  });
  return rows.map((i) => ({
    id: i.id,
    title: i.title,
    customerAxis: i.customerAxis,
    companyAxis: i.companyAxis,
    monthlyCost: monthlyCost(i),
    heard: i.evidence.length,
    codes: i.reasonCodes.map((r) => ({ number: r.reasonCode.number, label: r.reasonCode.label })),
    createdAt: i.createdAt,
  }));
}

/** One insight with evidence quotes and its actions. */
export async function getInsight(actor: Actor, insightId: string) {
  if (!can(actor, "insight.read")) throw forbidden();
  const i = await db.query.insights.findFirst({
    where: eq(insights.id, insightId),
    with: { reasonCodes: { with: { reasonCode: true } }, evidence: true, createdBy: true },
  });
  if (!i) throw notFound("Insight not found");
  const acts = await db
    .select({
      id: actions.id,
      title: actions.title,
      status: actions.status,
      deadline: actions.deadline,
      department: departments.name,
      owner: users.name,
    })
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(eq(actions.insightId, insightId))
    .orderBy(asc(actions.deadline));
  return {
    id: i.id,
    title: i.title,
    summary: i.summary,
    customerAxis: i.customerAxis,
    companyAxis: i.companyAxis,
    monthlyCost: monthlyCost(i),
    costInputs: {
      contactsPerMonth: i.contactsPerMonth,
      handlingMinutes: i.handlingMinutes,
      hourlyCost: i.hourlyCost,
      customersAtRisk: i.customersAtRisk,
      lifetimeValue: i.lifetimeValue,
    },
    createdBy: i.createdBy.name,
    createdAt: i.createdAt,
    codes: i.reasonCodes.map((r) => ({ number: r.reasonCode.number, label: r.reasonCode.label })),
    evidence: i.evidence.map((e) => ({ id: e.id, quote: e.quote })),
    actions: acts,
    canAddAction: can(actor, "action.create"),
  };
}
