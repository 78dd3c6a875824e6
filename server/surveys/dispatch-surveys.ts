import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, sessions, surveys } from "@/db/schema";
import { surveyMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { newLinkToken } from "@/server/security/tokens";

const SURVEY_LINK_DAYS = 30;

/**
 * Job: sends the post-session survey to every booked guest who has none yet. Runs in one
 * transaction and skips guests already surveyed, so a retried job sends nothing twice.
 */
export async function dispatchSurveys(sessionId: string): Promise<{ sent: number }> {
  return db.transaction(async (tx) => {
    const session = await tx.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    if (session?.status !== "ended") return { sent: 0 };
    const guests = await tx
      .select({ invitationId: invitations.id, customer: customers, surveyId: surveys.id })
      .from(invitations)
      .innerJoin(customers, eq(customers.id, invitations.customerId))
      .leftJoin(surveys, eq(surveys.invitationId, invitations.id))
      .where(
        and(
          eq(invitations.sessionId, sessionId),
          inArray(invitations.status, ["accepted", "attended"]),
          isNull(customers.erasedAt),
        ),
      );
    let sent = 0;
    const now = new Date();
    for (const g of guests) {
      if (g.surveyId || !g.customer.email) continue;
      const { token, hash } = newLinkToken();
      await tx.insert(surveys).values({
        sessionId,
        invitationId: g.invitationId,
        tokenHash: hash,
        tokenExpiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 24 * 3600_000),
        sentAt: now,
      });
      const mail = surveyMail({ locale: g.customer.language, token, title: session.title });
      await enqueueEmail(tx, { kind: "survey", to: g.customer.email, customerId: g.customer.id, ...mail });
      sent++;
    }
    return { sent };
  });
}
