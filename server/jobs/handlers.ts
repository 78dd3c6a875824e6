import "server-only";
// Job handlers are registered here (imported for side effects by the worker).
import { z } from "zod";
import { REMINDER_KINDS } from "@/lib/domain/invitations";
import { REMINDER_JOB } from "@/server/reminders/schedule-reminders";
import { sendReminders } from "@/server/reminders/send-reminders";
import { markNoShows, NO_SHOW_JOB } from "@/server/sessions/mark-no-shows";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { registerRecurringTask } from "./recurring-tasks";
import { registerJobHandler } from "./registry";
import { pruneFinishedSlots, slotInstant } from "./scheduler";

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

// Recurring work (scheduler.ts queues one job per slot; the slot's instant is the handler's clock).
registerRecurringTask({ name: "jobs.prune-slots", pattern: "17 4 * * *", jobKind: "jobs.prune-slots" });
registerJobHandler("jobs.prune-slots", async (payload, ctx) => {
  await pruneFinishedSlots(ctx.db, slotInstant(payload));
});
