"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { currentStaff } from "@/server/auth/staff";
import { unauthenticated } from "@/server/errors";
import { countAudience, inviteAudience, MAX_INVITES_PER_BATCH } from "@/server/invitations/invite-audience";
import { cancelSession } from "@/server/sessions/cancel-session";
import { correctAttendance } from "@/server/sessions/correct-attendance";
import { rescheduleSession } from "@/server/sessions/reschedule-session";

async function actor() {
  const a = await currentStaff();
  if (!a) throw unauthenticated();
  return a;
}

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function rescheduleSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form) as Parameters<typeof rescheduleSession>[1];
    const { notified } = await rescheduleSession(await actor(), raw);
    revalidatePath(`/sessions/${raw.sessionId}`);
    return `Rescheduled. Calendar updates are on their way to ${people(notified.customers, "guest", "guests")} and ${people(notified.staff, "staff member", "staff")}.`;
  });
}

export async function cancelSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = String(form.get("sessionId") ?? "");
    const { notified } = await cancelSession(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return `Cancelled. ${people(notified.customers, "guest", "guests")} and ${people(notified.staff, "staff member", "staff")} are told, with a calendar cancellation.`;
  });
}

export async function inviteAudienceAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form) as { sessionId: string; tag?: string; segment?: string };
    const result = await inviteAudience(await actor(), raw);
    revalidatePath(`/sessions/${raw.sessionId}`);
    return `${people(result.invited, "invitation", "invitations")} sent.`;
  });
}

/**
 * For the confirmation step of "invite by tag or segment": how many customers would be mailed
 * now. Not ok when the invitation would be refused, so the dialog cannot confirm it.
 */
export async function previewAudienceAction(form: FormData): Promise<FormState> {
  let count = 0;
  const state = await runForm(async () => {
    const raw = formToObject(form) as { sessionId: string; tag?: string; segment?: string };
    count = await countAudience(await actor(), raw);
  });
  if (!state?.ok) {
    const reason = Object.values(state?.fieldErrors ?? {})[0]?.[0];
    return { ok: false, message: reason ?? state?.message };
  }
  if (count === 0) return { ok: false, message: "Nobody matches who is not invited already." };
  if (count > MAX_INVITES_PER_BATCH)
    return { ok: false, message: `More than ${MAX_INVITES_PER_BATCH} customers match; narrow the choice.` };
  return { ok: true, message: `${people(count, "customer", "customers")} will get an invitation by email.` };
}

export async function correctAttendanceAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form) as Parameters<typeof correctAttendance>[1];
    await correctAttendance(await actor(), raw);
    revalidatePath(`/sessions/${raw.sessionId}`);
    return raw.status === "attended" ? "Marked as attended." : "Marked as a no-show.";
  });
}
