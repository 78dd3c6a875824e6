"use server";

import { revalidatePath } from "next/cache";
import { staffEntry } from "@/app/_lib/entry/define-entry";
import { formAction, formToObject } from "@/app/_lib/entry/form-action";
import { zCommentActionItem, zEditActionItem, zMoveActionItem } from "@/lib/validation/action-items";
import { zDecideChangeMessages } from "@/lib/validation/change-messages";
import { commentActionItem } from "@/server/action-items/comment-action-item";
import { editActionItem } from "@/server/action-items/edit-action-item";
import { moveActionItem } from "@/server/action-items/move-action-item";
import { decideChangeMessages } from "@/server/action-items/tell-customers/decide-change-messages";

const refresh = (actionId: string) => {
  revalidatePath(`/actions/${actionId}`);
  revalidatePath("/actions");
};

export const moveActionItemAction = formAction(staffEntry(zMoveActionItem, moveActionItem), {
  done: (_, input) => {
    refresh(input.actionId);
    return "Saved.";
  },
});

/** One select carries "departmentId:ownerId", so the owner chosen always belongs to the department. */
function readAssignment(form: FormData) {
  const { assignee, ...rest } = formToObject(form);
  const [departmentId, ownerId] = String(assignee ?? "").split(":");
  return { ...rest, departmentId, ownerId };
}

export const editActionItemAction = formAction(staffEntry(zEditActionItem, editActionItem), {
  read: readAssignment,
  done: (_, input) => {
    refresh(input.actionId);
    return "Saved.";
  },
});

export const commentActionItemAction = formAction(staffEntry(zCommentActionItem, commentActionItem), {
  done: (_, input) => {
    refresh(input.actionId);
    return "Comment added.";
  },
});

export const decideChangeMessagesAction = formAction(
  staffEntry(zDecideChangeMessages, decideChangeMessages),
  {
    done: ({ count }, input) => {
      refresh(input.actionId);
      return input.decision === "send"
        ? `${count} message${count === 1 ? "" : "s"} queued.`
        : `${count} message${count === 1 ? "" : "s"} held.`;
    },
  },
);
