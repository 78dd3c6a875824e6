import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { customers, invitations, sessions, surveyResponses, surveys } from "@/db/schema";
import { addToResponseRollups, responseCounts } from "./record-response";

/**
 * On erasure the customer's segment goes, so their surveys and answers move to "no segment" in
 * the rollups (and their sent surveys to no language): the counts stay (scores are kept, anonymous), and no slice of one keeps pointing at
 * them. Call inside the erasure's transaction, before the surveys are unlinked.
 */
export async function eraseSegmentFromRollups(tx: Tx, customerId: string): Promise<void> {
  const rows = await tx
    .select({
      format: sessions.format,
      sentAt: surveys.sentAt,
      segment: customers.segment,
      customerLanguage: customers.language,
      responseLanguage: surveyResponses.language,
      csat: surveyResponses.csat,
      nps: surveyResponses.nps,
      ces: surveyResponses.ces,
      hasResponse: sql<number>`${surveyResponses.id} IS NOT NULL`,
    })
    .from(surveys)
    .innerJoin(invitations, eq(invitations.id, surveys.invitationId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(eq(customers.id, customerId));
  for (const r of rows) {
    const from = { format: r.format, sentAt: r.sentAt, segment: r.segment ?? "" };
    const to = { ...from, segment: "" };
    // A sent survey is counted under the customer's language, which the unlinked survey no longer
    // knows: it moves to "unknown" (''); the answer keeps its own language.
    await addToResponseRollups(tx, from, r.customerLanguage, { sent: -1 });
    await addToResponseRollups(tx, to, "", { sent: 1 });
    if (r.segment && r.hasResponse && r.responseLanguage) {
      const values = { csat: r.csat, nps: r.nps, ces: r.ces };
      await addToResponseRollups(tx, from, r.responseLanguage, responseCounts(values, -1));
      await addToResponseRollups(tx, to, r.responseLanguage, responseCounts(values, 1));
    }
  }
}
