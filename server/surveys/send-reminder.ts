import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, sessions, surveyResponses, surveys } from "@/db/schema";
import { mayEmail } from "@/lib/domain/customers";
import { surveyMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { newLinkToken } from "@/server/security/tokens";

/**
 * Job: the one reminder for a survey not yet answered (saved part way still counts as not
 * answered). Never twice: the job is queued once per survey (dedupe key), and the reminder is
 * marked by a conditional update in the transaction that queues its email. The reminder carries
 * its own link; the first one keeps working, so answers saved through it are not lost.
 */
export async function sendSurveyReminder(surveyId: string, now = new Date()): Promise<{ sent: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ survey: surveys, customer: customers, title: sessions.title, responseId: surveyResponses.id })
      .from(surveys)
      .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
      .innerJoin(invitations, eq(invitations.id, surveys.invitationId))
      .innerJoin(customers, eq(customers.id, invitations.customerId))
      .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
      .where(eq(surveys.id, surveyId));
    if (!row || row.responseId || row.survey.reminderSentAt || row.survey.tokenExpiresAt <= now)
      return { sent: false };
    if (!mayEmail(row.customer) || !row.customer.email) return { sent: false };
    const { token, hash } = newLinkToken();
    const marked = await tx
      .update(surveys)
      .set({ reminderSentAt: now, reminderTokenHash: hash })
      .where(and(eq(surveys.id, surveyId), isNull(surveys.reminderSentAt)))
      .returning({ id: surveys.id });
    if (!marked.length) return { sent: false };
    const mail = surveyMail({ locale: row.customer.language, token, title: row.title, reminder: true });
    await enqueueEmail(tx, {
      kind: "survey_reminder",
      to: row.customer.email,
      customerId: row.customer.id,
      ...mail,
    });
    return { sent: true };
  });
}
