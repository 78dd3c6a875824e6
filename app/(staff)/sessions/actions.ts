"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { sessionFormInput, zCreateSession, zUpdateSession } from "@/lib/validation/sessions";
import { currentStaff } from "@/server/auth/staff";
import { unauthenticated } from "@/server/errors";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { reissueInvitationLink, revokeInvitationLink } from "@/server/invitations/reissue-link";
import { setPayoutStatus } from "@/server/invitations/set-payout";
import { createSession } from "@/server/sessions/create-session";
import { removeSessionStaff, setSessionStaff } from "@/server/sessions/session-staff";
import { endSession, scheduleDraft, startSession } from "@/server/sessions/set-session-status";
import { updateSession } from "@/server/sessions/update-session";

async function actor() {
  const a = await currentStaff();
  if (!a) throw unauthenticated();
  return a;
}

const field = (form: FormData, name: string) => String(form.get(name) ?? "");

export async function createSessionAction(_: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runForm(async () => {
    const input = zCreateSession.parse(sessionFormInput(formToObject(form)));
    id = (await createSession(await actor(), input)).id;
  });
  if (state?.ok) redirect(`/sessions/${id}`);
  return state;
}

export async function updateSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = zUpdateSession.parse(sessionFormInput(formToObject(form)));
    await updateSession(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "Saved.";
  });
}

export async function scheduleDraftAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = field(form, "sessionId");
    await scheduleDraft(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return "Scheduled. You can now invite customers.";
  });
}

export async function inviteCustomersAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form, ["customerIds"]);
    const result = await inviteCustomers(await actor(), raw as { sessionId: string; customerIds: string[] });
    revalidatePath(`/sessions/${String(raw.sessionId)}`);
    return `${result.invited} invitation${result.invited === 1 ? "" : "s"} sent${result.skipped ? `, ${result.skipped} already invited` : ""}.`;
  });
}

export async function setSessionStaffAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = {
      sessionId: field(form, "sessionId"),
      userId: field(form, "userId"),
      roomRole: field(form, "roomRole"),
    };
    await setSessionStaff(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "Staff updated.";
  });
}

export async function removeSessionStaffAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = { sessionId: field(form, "sessionId"), userId: field(form, "userId") };
    await removeSessionStaff(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "Removed from the session.";
  });
}

export async function setPayoutAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = {
      sessionId: field(form, "sessionId"),
      invitationId: field(form, "invitationId"),
      payoutStatus: field(form, "payoutStatus"),
    };
    await setPayoutStatus(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "Payout updated.";
  });
}

export async function startSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = field(form, "sessionId");
    await startSession(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return "The session is live.";
  });
}

export async function endSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = field(form, "sessionId");
    await endSession(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return "The session has ended. Surveys are on their way to the guests.";
  });
}

export async function reissueLinkAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = { sessionId: field(form, "sessionId"), invitationId: field(form, "invitationId") };
    await reissueInvitationLink(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "A new link is on its way; the old one no longer works.";
  });
}

export async function revokeLinkAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const input = { sessionId: field(form, "sessionId"), invitationId: field(form, "invitationId") };
    await revokeInvitationLink(await actor(), input);
    revalidatePath(`/sessions/${input.sessionId}`);
    return "The link no longer works.";
  });
}
