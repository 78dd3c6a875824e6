"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runForm } from "@/app/_lib/form";
import type { FormState } from "@/components/ui/form-state";
import { zCreateInsight } from "@/lib/validation/insights";
import { createAction, transitionAction } from "@/server/actions/actions";
import { currentStaff } from "@/server/auth/staff";
import { unauthenticated } from "@/server/errors";
import { createInsight } from "@/server/insights/insights";

async function actor() {
  const a = await currentStaff();
  if (!a) throw unauthenticated();
  return a;
}

export async function createInsightAction(_: FormState, form: FormData): Promise<FormState> {
  let id = "";
  const state = await runForm(async () => {
    const input = zCreateInsight.parse(formToObject(form, ["reasonCodeIds", "evidenceResponseIds"]));
    id = (await createInsight(await actor(), input)).id;
  });
  if (state?.ok) redirect(`/insights/${id}`);
  return state;
}

export async function createActionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form);
    // One select carries "departmentId:ownerId" so the owner always belongs to the department.
    const [departmentId, ownerId] = String(raw.assignee ?? "").split(":");
    delete raw.assignee;
    await createAction(await actor(), { ...raw, departmentId, ownerId });
    revalidatePath(`/insights/${String(raw.insightId)}`);
    return "Action assigned.";
  });
}

export async function transitionActionAction(_: FormState, form: FormData): Promise<FormState> {
  return runForm(async () => {
    const raw = formToObject(form);
    await transitionAction(await actor(), raw);
    revalidatePath(`/actions/${String(raw.actionId)}`);
    revalidatePath("/actions");
    return "Saved.";
  });
}
