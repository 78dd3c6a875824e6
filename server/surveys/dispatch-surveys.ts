import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { sessions, surveys } from "@/db/schema";
import { mayEmail } from "@/lib/domain/customers";
import type { SurveySendKind } from "@/lib/domain/surveys";
import { recordSurveySentInRollups } from "@/server/analytics/rollups/record-response";
import { sessionGuests } from "@/server/invitations/session-guests";
import { enqueueJob } from "@/server/jobs/queue";
import { surveyMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";
import { newLinkToken } from "@/server/security/tokens";
import { getCompanySettings } from "@/server/settings/get-company-settings";
import { claimSurveyCap } from "./frequency-cap";
import { sessionSurveyChoice } from "./session-survey-choice";
import { latestVersion } from "./template-versions";

export const SURVEY_LINK_DAYS = 30;
export const SURVEY_DISPATCH_JOB = "surveys.dispatch";
export const SURVEY_REMINDER_JOB = "surveys.remind";

export type DispatchResult = { sent: number; capped: number; notEmailable: number };

/**
 * Job (and "send now"): the session's survey to its attendees — customers the room recorded as
 * attended, or the facilitator corrected to attended; never a no-show, a withdrawn or erased
 * customer, or one who may not be emailed. Each customer is surveyed at most once per the
 * company's frequency cap, claimed in this transaction. One transaction, and guests already
 * surveyed for this session are skipped, so a retried or concurrent run sends nothing twice.
 * `invitationIds` narrows it to chosen attendees.
 */
export async function dispatchSurveys(
  sessionId: string,
  opts: { invitationIds?: readonly string[]; kind?: SurveySendKind; now?: Date } = {},
): Promise<DispatchResult> {
  const { surveyFrequencyCapDays } = await getCompanySettings();
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const result: DispatchResult = { sent: 0, capped: 0, notEmailable: 0 };
    const session = await tx.query.sessions.findFirst({ where: eq(sessions.id, sessionId) });
    if (session?.status !== "ended") return result;
    const choice = await sessionSurveyChoice(tx, session);
    const version = choice.templateId ? await latestVersion(tx, choice.templateId) : undefined;
    const chosen = opts.invitationIds ? new Set(opts.invitationIds) : null;
    const guests = (await sessionGuests(tx, sessionId, ["attended"])).filter(
      (g) => !chosen || chosen.has(g.invitation.id),
    );
    const surveyed = new Set(
      (
        await tx
          .select({ invitationId: surveys.invitationId })
          .from(surveys)
          .where(eq(surveys.sessionId, sessionId))
      ).map((s) => s.invitationId),
    );
    for (const { invitation, customer } of guests) {
      if (surveyed.has(invitation.id)) continue;
      if (!mayEmail(customer) || !customer.email) {
        result.notEmailable++;
        continue;
      }
      if (!(await claimSurveyCap(tx, customer.id, now, surveyFrequencyCapDays))) {
        result.capped++;
        continue;
      }
      const { token, hash } = newLinkToken();
      const [survey] = await tx
        .insert(surveys)
        .values({
          sessionId,
          invitationId: invitation.id,
          templateVersionId: version?.id ?? null,
          kind: opts.kind ?? "after_session",
          tokenHash: hash,
          tokenExpiresAt: new Date(now.getTime() + SURVEY_LINK_DAYS * 86_400_000),
          sentAt: now,
        })
        .returning({ id: surveys.id });
      if (!survey) throw new Error("survey insert returned nothing");
      await recordSurveySentInRollups(tx, survey.id, customer.language);
      const mail = surveyMail({ locale: customer.language, token, title: session.title });
      await enqueueEmail(tx, { kind: "survey", to: customer.email, customerId: customer.id, ...mail });
      await enqueueJob(tx, {
        kind: SURVEY_REMINDER_JOB,
        payload: { surveyId: survey.id },
        dedupeKey: `${SURVEY_REMINDER_JOB}:${survey.id}`,
        runAt: new Date(now.getTime() + choice.reminderAfterHours * 3_600_000),
      });
      result.sent++;
    }
    return result;
  });
}
