import "server-only";
// Job handlers are registered here (imported for side effects by the worker).
import { z } from "zod";
import { REMINDER_KINDS } from "@/lib/domain/invitations";
import { REMINDER_JOB } from "@/server/reminders/schedule-reminders";
import { sendReminders } from "@/server/reminders/send-reminders";
import { autoEndIfOver } from "@/server/sessions/auto-end-session";
import { markNoShows, NO_SHOW_JOB } from "@/server/sessions/mark-no-shows";
import { AUTO_END_JOB } from "@/server/sessions/schedule-auto-end";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { registerJobHandler } from "./registry";

registerJobHandler("surveys.dispatch", async (payload) => {
  const { sessionId } = z.object({ sessionId: z.uuid() }).parse(payload);
  await dispatchSurveys(sessionId);
});

registerJobHandler(REMINDER_JOB, async (payload) => {
  const input = z
    .object({ sessionId: z.uuid(), reminder: z.enum(REMINDER_KINDS), startsAt: z.number().int() })
    .parse(payload);
  await sendReminders(input);
});

registerJobHandler(NO_SHOW_JOB, async (payload) => {
  const { sessionId } = z.object({ sessionId: z.uuid() }).parse(payload);
  await markNoShows(sessionId);
});

registerJobHandler(AUTO_END_JOB, async (payload) => {
  const { sessionId } = z.object({ sessionId: z.uuid() }).parse(payload);
  await autoEndIfOver(sessionId);
});
