import "server-only";
import { and, gte, isNull, lt, notExists, or, sql } from "drizzle-orm";
import { db as appDb, type Db } from "@/db";
import { auditLog, customers, invitations, sessions } from "@/db/schema";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { eraseCustomerInTx } from "./erase-customer";
import { finishErasure } from "./finish-erasure";

/** The retention job's kind and its recurring slot (server/jobs/handlers.ts registers both). */
export const RETENTION_JOB = "customers.retention";

/** `months` calendar months before `at` (UTC). */
export function retentionCutoff(at: Date, months: number): Date {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Erases every customer whose personal data is older than the retention period: added before
 * the cutoff and with no invitation (made, or for a session held) since. The same erasure as a
 * withdrawal, so scores and counts stay as anonymous aggregates. A second run finds nobody new.
 */
export async function applyRetention(at: Date, db: Db = appDb): Promise<{ erased: number; cutoff: Date }> {
  const { retentionMonths } = await getCompanySettings();
  const cutoff = retentionCutoff(at, retentionMonths);
  const recent = db
    .select({ one: sql`1` })
    .from(invitations)
    .innerJoin(sessions, sql`${sessions.id} = ${invitations.sessionId}`)
    .where(
      and(
        sql`${invitations.customerId} = ${customers.id}`,
        or(gte(invitations.createdAt, cutoff), gte(sessions.startsAt, cutoff)),
      ),
    );
  const due = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(isNull(customers.erasedAt), lt(customers.createdAt, cutoff), notExists(recent)));
  for (const { id } of due) {
    const erased = await db.transaction(async (tx) => {
      const result = await eraseCustomerInTx(tx, id, at);
      await tx.insert(auditLog).values({
        actorType: "system",
        actorId: null,
        action: "retention_erase",
        resourceType: "customer",
        resourceId: id,
      });
      return result;
    });
    await finishErasure(erased.email, db);
  }
  return { erased: due.length, cutoff };
}
