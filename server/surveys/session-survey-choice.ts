import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Session, sessionSurveySettings, surveyFormatDefaults, surveyTemplates } from "@/db/schema";
import { env } from "@/env";

/** Hours after the survey before the one reminder, when the session sets none. */
export const DEFAULT_REMINDER_HOURS = 72;

export type SurveyChoice = {
  templateId: string | null;
  templateName: string | null;
  /** Where the template comes from: the session's own choice, its format's default, or none (the classic form). */
  source: "session" | "format" | "classic";
  delayMinutes: number;
  reminderAfterHours: number;
};

/** Which survey a session sends, after how long, and when it reminds. */
export async function sessionSurveyChoice(
  tx: Tx,
  session: Pick<Session, "id" | "format">,
): Promise<SurveyChoice> {
  const own = await tx.query.sessionSurveySettings.findFirst({
    where: eq(sessionSurveySettings.sessionId, session.id),
  });
  const timing = {
    delayMinutes: own?.delayMinutes ?? env.SURVEY_DELAY_MINUTES,
    reminderAfterHours: own?.reminderAfterHours ?? DEFAULT_REMINDER_HOURS,
  };
  const named = async (id: string) =>
    (await tx.query.surveyTemplates.findFirst({ where: eq(surveyTemplates.id, id) }))?.name ?? null;
  if (own?.templateId)
    return {
      ...timing,
      templateId: own.templateId,
      templateName: await named(own.templateId),
      source: "session",
    };
  const byFormat = await tx.query.surveyFormatDefaults.findFirst({
    where: eq(surveyFormatDefaults.format, session.format),
  });
  if (byFormat)
    return {
      ...timing,
      templateId: byFormat.templateId,
      templateName: await named(byFormat.templateId),
      source: "format",
    };
  return { ...timing, templateId: null, templateName: null, source: "classic" };
}
