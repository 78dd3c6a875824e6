import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, jobs, sessionSurveySettings, surveyResponses, surveys } from "@/db/schema";
import { mayEmail } from "@/lib/domain/customers";
import { responseRate, type Score } from "@/lib/scoring";
import { zSendSurveyNow, zSessionSurvey } from "@/lib/validation/surveys";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { can } from "@/server/auth/policy";
import { notErased } from "@/server/customers/customer-where";
import { conflict, invalid } from "@/server/errors";
import { type DispatchResult, dispatchSurveys, SURVEY_DISPATCH_JOB } from "./dispatch-surveys";
import { type TemplateSummary, templateSummaries } from "./list-templates";
import { type SurveyChoice, sessionSurveyChoice } from "./session-survey-choice";

export type SessionSurveyPanel = {
  choice: SurveyChoice;
  own: { templateId: string | null } | null;
  templates: Pick<TemplateSummary, "id" | "name" | "version" | "defaultFor">[];
  sent: number;
  answered: number;
  reminded: number;
  rate: Score;
  canManage: boolean;
  ended: boolean;
  /** Attendees, for "send now" to chosen ones: whether each has a survey and could get one. */
  attendees: {
    invitationId: string;
    name: string;
    surveyed: boolean;
    answered: boolean;
    emailable: boolean;
  }[];
};

/** The session page's survey card: which survey, when, how many answered, who could still get it. */
export async function sessionSurveyPanel(actor: Actor, sessionId: string): Promise<SessionSurveyPanel> {
  const { session } = await authorizeSession(actor, sessionId, "session.read");
  const canManage = can(actor, "session.manage", { sessionFacilitatorId: session.facilitatorId });
  const choice = await sessionSurveyChoice(db, session);
  const own = await db.query.sessionSurveySettings.findFirst({
    where: eq(sessionSurveySettings.sessionId, sessionId),
  });
  const [counts] = await db
    .select({
      sent: sql<number>`count(*)`,
      answered: sql<number>`count(${surveyResponses.id})`,
      reminded: sql<number>`count(${surveys.reminderSentAt})`,
    })
    .from(surveys)
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(eq(surveys.sessionId, sessionId));
  const rows = canManage
    ? await db
        .select({
          invitationId: invitations.id,
          name: customers.name,
          email: customers.email,
          contactPreference: customers.contactPreference,
          erasedAt: customers.erasedAt,
          surveyId: surveys.id,
          responseId: surveyResponses.id,
        })
        .from(invitations)
        .innerJoin(customers, eq(customers.id, invitations.customerId))
        .leftJoin(surveys, eq(surveys.invitationId, invitations.id))
        .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
        .where(and(eq(invitations.sessionId, sessionId), eq(invitations.status, "attended"), notErased()))
    : [];
  const sent = counts?.sent ?? 0;
  const answered = counts?.answered ?? 0;
  return {
    choice,
    own: own ? { templateId: own.templateId } : null,
    templates: (await templateSummaries()).map(({ id, name, version, defaultFor }) => ({
      id,
      name,
      version,
      defaultFor,
    })),
    sent,
    answered,
    reminded: counts?.reminded ?? 0,
    rate: responseRate(answered, sent),
    canManage,
    ended: session.status === "ended",
    attendees: rows.map((r) => ({
      invitationId: r.invitationId,
      name: r.name ?? "—",
      surveyed: r.surveyId !== null,
      answered: r.responseId !== null,
      emailable: mayEmail(r),
    })),
  };
}

/** The session's own survey choice and timing; a dispatch already queued moves with the delay. */
export async function saveSessionSurvey(actor: Actor, raw: unknown): Promise<void> {
  const input = zSessionSurvey.parse(raw);
  const { session } = await authorizeSession(actor, input.sessionId, "session.manage");
  await db.transaction(async (tx) => {
    if (input.templateId) {
      const t = await tx.query.surveyTemplates.findFirst({
        where: (x, { eq: is }) => is(x.id, input.templateId ?? ""),
      });
      if (!t) throw invalid("Choose one of the templates", { templateId: ["No such template"] });
    }
    const values = {
      sessionId: session.id,
      templateId: input.templateId ?? null,
      delayMinutes: input.delayMinutes,
      reminderAfterHours: input.reminderAfterHours,
    };
    await tx
      .insert(sessionSurveySettings)
      .values(values)
      .onConflictDoUpdate({ target: sessionSurveySettings.sessionId, set: values });
    if (session.endedAt)
      await tx
        .update(jobs)
        .set({ runAt: new Date(session.endedAt.getTime() + input.delayMinutes * 60_000) })
        .where(and(eq(jobs.dedupeKey, `${SURVEY_DISPATCH_JOB}:${session.id}`), eq(jobs.status, "pending")));
    await audit(tx, actor, "survey_settings", "session", session.id);
  });
}

/** Sends the survey now, to every attendee not yet surveyed or to the chosen ones. */
export async function sendSurveyNow(actor: Actor, raw: unknown): Promise<DispatchResult> {
  const input = zSendSurveyNow.parse(raw);
  const { session } = await authorizeSession(actor, input.sessionId, "session.manage");
  if (session.status !== "ended") throw conflict("A survey can be sent once the session has ended");
  if (input.invitationIds.length) {
    const known = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.sessionId, session.id), inArray(invitations.id, input.invitationIds)));
    if (known.length !== input.invitationIds.length) throw invalid("Choose attendees of this session");
  }
  const result = await dispatchSurveys(session.id, {
    kind: "on_demand",
    ...(input.invitationIds.length ? { invitationIds: input.invitationIds } : {}),
  });
  await audit(db, actor, "survey_send_now", "session", session.id);
  return result;
}
