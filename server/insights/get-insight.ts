import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { actions, insightEvidence, insights, roomNotes, sessions, users } from "@/db/schema";
import { monthlyCost } from "@/lib/scoring";
import { selectActionItems } from "@/server/action-items/action-item-query";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { quoteConsents } from "./evidence-sources";

/**
 * One insight: its evidence (each marked whether its customer allowed quoting — a piece without
 * that consent is shown to staff, marked, and never offered as a quote), how often it was heard
 * and by how many distinct customers, its cost with the inputs, in the company's currency, and
 * its action items.
 */
export async function getInsight(actor: Actor, insightId: string) {
  assertCan(actor, "insight.read");
  const i = await db.query.insights.findFirst({
    where: eq(insights.id, insightId),
    with: { reasonCodes: { with: { reasonCode: true } }, createdBy: true },
  });
  if (!i) throw notFound("Insight not found");
  const [evidence, actionItems, settings] = await Promise.all([
    db
      .select({
        id: insightEvidence.id,
        source: insightEvidence.source,
        quote: insightEvidence.quote,
        responseId: insightEvidence.responseId,
        roomNoteId: insightEvidence.roomNoteId,
        listeningNoteId: insightEvidence.listeningNoteId,
        customerId: insightEvidence.customerId,
        addedAt: insightEvidence.createdAt,
        addedBy: users.name,
      })
      .from(insightEvidence)
      .leftJoin(users, eq(users.id, insightEvidence.addedById))
      .where(eq(insightEvidence.insightId, insightId))
      .orderBy(asc(insightEvidence.createdAt), asc(insightEvidence.id)),
    selectActionItems(eq(actions.insightId, insightId)).orderBy(asc(actions.deadline)),
    getCompanySettings(),
  ]);
  const noteIds = evidence.map((e) => e.roomNoteId).filter((id): id is string => id !== null);
  const [consent, notes] = await Promise.all([
    quoteConsents(db, evidence),
    noteIds.length
      ? db
          .select({
            id: roomNotes.id,
            kind: roomNotes.kind,
            atSeconds: roomNotes.atSeconds,
            sessionId: sessions.id,
            session: sessions.title,
          })
          .from(roomNotes)
          .innerJoin(sessions, eq(sessions.id, roomNotes.sessionId))
          .where(inArray(roomNotes.id, noteIds))
      : [],
  ]);
  const noteOf = new Map(notes.map((n) => [n.id, n]));
  const customers = new Set(evidence.map((e) => e.customerId).filter(Boolean));
  return {
    id: i.id,
    title: i.title,
    summary: i.summary,
    customerAxis: i.customerAxis,
    companyAxis: i.companyAxis,
    monthlyCost: monthlyCost(i),
    currency: settings.currency,
    costInputs: {
      contactsPerMonth: i.contactsPerMonth,
      handlingMinutes: i.handlingMinutes,
      hourlyCost: i.hourlyCost,
      customersAtRisk: i.customersAtRisk,
      lifetimeValue: i.lifetimeValue,
    },
    createdBy: i.createdBy.name,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    codes: i.reasonCodes.map((r) => ({
      id: r.reasonCode.id,
      number: r.reasonCode.number,
      label: r.reasonCode.label,
      state: r.reasonCode.state,
    })),
    heard: evidence.length,
    distinctCustomers: customers.size,
    evidence: evidence.map((e) => {
      const note = e.roomNoteId ? noteOf.get(e.roomNoteId) : undefined;
      const isSummary = note?.kind === "summary";
      const quoting = consent.get(e.id) ?? "not_on_record";
      return {
        id: e.id,
        source: e.source,
        quote: e.quote,
        /** Offered as a quote only with the customer's consent, and never a staff summary. */
        quotable: quoting === "allowed" && !isSummary,
        quoting,
        isSummary,
        fromCustomer: e.customerId !== null,
        session: note ? { id: note.sessionId, title: note.session, atSeconds: note.atSeconds } : null,
        addedAt: e.addedAt,
        addedBy: e.addedBy,
      };
    }),
    actionItems,
    canAddActionItem: can(actor, "action.create"),
    canEdit: can(actor, "insight.edit"),
  };
}

export type InsightDetail = Awaited<ReturnType<typeof getInsight>>;
