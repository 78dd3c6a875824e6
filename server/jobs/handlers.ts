import "server-only";
// Job handlers are registered here (imported for side effects by the worker).
import { z } from "zod";
import { REMINDER_KINDS } from "@/lib/domain/invitations";
import { sendDeadlineNotice } from "@/server/action-items/deadlines/send-deadline-notice";
import {
  DEADLINE_NOTICE_JOB,
  DEADLINE_SWEEP_JOB,
  sweepDeadlines,
} from "@/server/action-items/deadlines/sweep-deadlines";
import {
  sendWeeklyDigests,
  WEEKLY_DIGEST_JOB,
  WEEKLY_DIGEST_PATTERN,
} from "@/server/analytics/digest/send-weekly-digests";
import { applyRetention, RETENTION_JOB } from "@/server/customers/apply-retention";
import { PRUNE_OUTBOX_JOB, pruneSentMail } from "@/server/notify/prune-outbox";
import { REMINDER_JOB } from "@/server/reminders/schedule-reminders";
import { sendReminders } from "@/server/reminders/send-reminders";
import { PRUNE_WEBHOOK_EVENTS_JOB, pruneWebhookEvents } from "@/server/rooms/prune-webhook-events";
import { autoEndIfOver } from "@/server/sessions/auto-end-session";
import { markNoShows, NO_SHOW_JOB } from "@/server/sessions/mark-no-shows";
import { AUTO_END_JOB } from "@/server/sessions/schedule-auto-end";
import { dispatchSurveys, SURVEY_DISPATCH_JOB, SURVEY_REMINDER_JOB } from "@/server/surveys/dispatch-surveys";
import { sendSurveyReminder } from "@/server/surveys/send-reminder";
import { registerRecurringTask } from "./recurring-tasks";
import { registerJobHandler } from "./registry";
import { pruneFinishedSlots, slotInstant } from "./scheduler";

registerJobHandler(SURVEY_DISPATCH_JOB, async (payload) => {
  // invitationIds: one attendee the facilitator corrected to attended after the dispatch.
  const { sessionId, invitationIds } = z
    .object({ sessionId: z.uuid(), invitationIds: z.array(z.uuid()).optional() })
    .parse(payload);
  await dispatchSurveys(sessionId, invitationIds ? { invitationIds } : {});
});

registerJobHandler(SURVEY_REMINDER_JOB, async (payload) => {
  const { surveyId } = z.object({ surveyId: z.uuid() }).parse(payload);
  await sendSurveyReminder(surveyId);
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

// Recurring work (scheduler.ts queues one job per slot; the slot's instant is the handler's clock).
registerRecurringTask({ name: "jobs.prune-slots", pattern: "17 4 * * *", jobKind: "jobs.prune-slots" });
registerJobHandler("jobs.prune-slots", async (payload, ctx) => {
  await pruneFinishedSlots(ctx.db, slotInstant(payload));
});
// Tables that grow with time, pruned nightly: sent mail (dead letters stay for an admin) and the
// ids of applied LiveKit webhook events. Rate-limit buckets prune themselves on use
// (server/security/rate-limit.ts), worker heartbeats on every heartbeat.
registerRecurringTask({ name: PRUNE_OUTBOX_JOB, pattern: "23 4 * * *", jobKind: PRUNE_OUTBOX_JOB });
registerJobHandler(PRUNE_OUTBOX_JOB, async (payload, ctx) => {
  await pruneSentMail(ctx.db, slotInstant(payload));
});
registerRecurringTask({
  name: PRUNE_WEBHOOK_EVENTS_JOB,
  pattern: "29 4 * * *",
  jobKind: PRUNE_WEBHOOK_EVENTS_JOB,
});
registerJobHandler(PRUNE_WEBHOOK_EVENTS_JOB, async (payload, ctx) => {
  await pruneWebhookEvents(ctx.db, slotInstant(payload));
});

// The weekly digest to executives and heads who asked for it (once per person per week: digest_deliveries).
registerRecurringTask({
  name: "analytics.weekly-digest",
  pattern: WEEKLY_DIGEST_PATTERN,
  jobKind: WEEKLY_DIGEST_JOB,
});
registerJobHandler(WEEKLY_DIGEST_JOB, async (payload, ctx) => {
  await sendWeeklyDigests(ctx.db, slotInstant(payload));
});

// Actions: reminders before the deadline and escalations when overdue (docs/decisions/014).
registerRecurringTask({ name: DEADLINE_SWEEP_JOB, pattern: "*/5 * * * *", jobKind: DEADLINE_SWEEP_JOB });
registerJobHandler(DEADLINE_SWEEP_JOB, async (payload, ctx) => {
  await sweepDeadlines(ctx.db, slotInstant(payload));
});
registerJobHandler(DEADLINE_NOTICE_JOB, async (payload, ctx) => {
  await sendDeadlineNotice(ctx.db, payload);
});

// Retention: once a night, personal data older than the company's retention period is erased.
registerRecurringTask({ name: RETENTION_JOB, pattern: "41 3 * * *", jobKind: RETENTION_JOB });
registerJobHandler(RETENTION_JOB, async (payload, ctx) => {
  await applyRetention(slotInstant(payload), ctx.db);
});
