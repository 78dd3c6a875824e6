"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction, formToObject } from "@/app/_lib/entry/form-action";
import { zCreateActionItem } from "@/lib/validation/action-items";
import { zCreateInsight } from "@/lib/validation/insights";
import { createActionItem } from "@/server/action-items/create-action-item";
import { createInsight } from "@/server/insights/create-insight";

export const createInsightAction = formAction(staffEntry(zCreateInsight, createInsight), {
  arrays: ["reasonCodeIds", "evidenceResponseIds"],
  done: ({ id }) => redirect(`/insights/${id}`),
});

/** One select carries "departmentId:ownerId", so the owner chosen always belongs to the department. */
function readAssignment(form: FormData) {
  const { assignee, ...rest } = formToObject(form);
  const [departmentId, ownerId] = String(assignee ?? "").split(":");
  return { ...rest, departmentId, ownerId };
}

export const createActionItemAction = formAction(staffEntry(zCreateActionItem, createActionItem), {
  read: readAssignment,
  done: (_, input) => {
    revalidatePath(`/insights/${input.insightId}`);
    return "Action assigned.";
  },
});
