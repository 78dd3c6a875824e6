"use server";

import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import {
  zCancelSession,
  zCorrectAttendance,
  zInviteAudience,
  zRescheduleSession,
} from "@/lib/validation/sessions";
import { inviteAudience } from "@/server/invitations/invite-audience";
import { cancelSession } from "@/server/sessions/cancel-session";
import { correctAttendance } from "@/server/sessions/correct-attendance";
import { rescheduleSession } from "@/server/sessions/reschedule-session";
import { onSessionPage } from "../on-session-page";

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const rescheduleSessionAction = formAction(staffEntry(zRescheduleSession, rescheduleSession), {
  done: onSessionPage(
    ({ notified }) =>
      `Rescheduled. Calendar updates are on their way to ${people(notified.customers, "guest", "guests")} and ${people(notified.staff, "staff member", "staff")}.`,
  ),
});

export const cancelSessionAction = formAction(staffEntry(zCancelSession, cancelSession), {
  done: onSessionPage(
    ({ notified }) =>
      `Cancelled. ${people(notified.customers, "guest", "guests")} and ${people(notified.staff, "staff member", "staff")} are told, with a calendar cancellation.`,
  ),
});

export const inviteAudienceAction = formAction(staffEntry(zInviteAudience, inviteAudience), {
  done: onSessionPage(({ invited }) => `${people(invited, "invitation", "invitations")} sent.`),
});

export const correctAttendanceAction = formAction(staffEntry(zCorrectAttendance, correctAttendance), {
  done: onSessionPage((_, input) =>
    input.status === "attended" ? "Marked as attended." : "Marked as a no-show.",
  ),
});
