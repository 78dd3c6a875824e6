"use server";

import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction } from "@/app/_lib/entry/form-action";
import type { FormState } from "@/components/ui/form-state";
import {
  zCancelSession,
  zCorrectAttendance,
  zInviteAudience,
  zRescheduleSession,
} from "@/lib/validation/sessions";
import { confirmAudience, inviteAudience } from "@/server/invitations/invite-audience";
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

const previewAudience = formAction(staffEntry(zInviteAudience, confirmAudience), {
  done: (count) => `${people(count, "customer", "customers")} will get an invitation by email.`,
});

/**
 * For the confirmation step of "invite by tag or segment": how many customers would be mailed
 * now. Not ok when the invitation would be refused, so the dialog cannot confirm it.
 */
export async function previewAudienceAction(form: FormData): Promise<FormState> {
  const state = await previewAudience(null, form);
  if (state.ok) return state;
  const reason = Object.values(state.fieldErrors ?? {})[0]?.[0];
  return { ok: false, message: reason ?? state.message };
}
