"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { zCreateSession } from "@/lib/validation/sessions";
import { currentStaff } from "@/server/auth/staff";
import { unauthenticated } from "@/server/errors";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { createSession } from "@/server/sessions/create-session";
import { endSession, startSession } from "@/server/sessions/set-session-status";

async function actor() {
  const a = await currentStaff();
  if (!a) throw unauthenticated();
  return a;
}

export async function createSessionAction(_: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runForm(async () => {
    const raw = formToObject(form);
    const input = zCreateSession.parse({ ...raw, observersHidden: raw.observersHidden === "on" });
    id = (await createSession(await actor(), input)).id;
  });
  if (state?.ok) redirect(`/sessions/${id}`);
  return state;
}

export async function inviteCustomersAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form, ["customerIds"]);
    const result = await inviteCustomers(await actor(), raw as { sessionId: string; customerIds: string[] });
    revalidatePath(`/sessions/${String(raw.sessionId)}`);
    return `${result.invited} invitation${result.invited === 1 ? "" : "s"} sent${result.skipped ? `, ${result.skipped} already invited` : ""}.`;
  });
}

export async function startSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = String(form.get("sessionId") ?? "");
    await startSession(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return "The session is live.";
  });
}

export async function endSessionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const sessionId = String(form.get("sessionId") ?? "");
    await endSession(await actor(), { sessionId });
    revalidatePath(`/sessions/${sessionId}`);
    return "The session has ended. Surveys are on their way to the guests.";
  });
}
