import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { sessions, surveys } from "@/db/schema";
import { recordSurveySentInRollups } from "@/server/analytics/rollups/record-response";
import { sessionGuests } from "@/server/invitations/session-guests";
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
    const guests = await sessionGuests(tx, sessionId, ["accepted", "attended"]);
    const surveyed = new Set(
      (
        await tx
          .select({ invitationId: surveys.invitationId })
          .from(surveys)
          .where(eq(surveys.sessionId, sessionId))
      ).map((s) => s.invitationId),
    );
    let sent = 0;
    const now = new Date();
    for (const { invitation, customer } of guests) {
      if (surveyed.has(invitation.id) || !customer.email) continue;
      const { token, hash } = newLinkToken();
      const [survey] = await tx
        .insert(surveys)
        .values({
          sessionId,
          invitationId: invitation.id,
          tokenHash: hash,
          tokenExpiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 24 * 3600_000),
          sentAt: now,
        })
        .returning({ id: surveys.id });
      if (survey) await recordSurveySentInRollups(tx, survey.id, customer.language);
      const mail = surveyMail({ locale: customer.language, token, title: session.title });
      await enqueueEmail(tx, { kind: "survey", to: customer.email, customerId: customer.id, ...mail });
      sent++;
    }
    return { sent };
  });
}
