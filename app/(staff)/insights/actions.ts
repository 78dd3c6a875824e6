"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction, formToObject } from "@/app/_lib/entry/form-action";
import { zCreateActionItem } from "@/lib/validation/action-items";
import { zCreateInsight, zUpdateInsight } from "@/lib/validation/insights";
import { zAttachEvidence, zRemoveEvidence } from "@/lib/validation/notes";
import { createActionItem } from "@/server/action-items/create-action-item";
import { attachEvidence, removeEvidence } from "@/server/insights/change-evidence";
import { createInsight } from "@/server/insights/create-insight";
import { updateInsight } from "@/server/insights/update-insight";

export const createInsightAction = formAction(staffEntry(zCreateInsight, createInsight), {
  arrays: ["reasonCodeIds", "evidence"],
  done: ({ id }) => redirect(`/insights/${id}`),
});

export const updateInsightAction = formAction(staffEntry(zUpdateInsight, updateInsight), {
  arrays: ["reasonCodeIds"],
  done: (_, input) => {
    revalidatePath(`/insights/${input.insightId}`);
    revalidatePath("/insights");
    return "Saved.";
  },
});

export const attachEvidenceAction = formAction(staffEntry(zAttachEvidence, attachEvidence), {
  arrays: ["evidence"],
  done: (_, input) => redirect(`/insights/${input.insightId}#evidence`),
});

export const removeEvidenceAction = formAction(staffEntry(zRemoveEvidence, removeEvidence), {
  done: (_, input) => {
    revalidatePath(`/insights/${input.insightId}`);
    return "Removed from the evidence.";
  },
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
