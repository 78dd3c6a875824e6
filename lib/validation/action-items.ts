import { z } from "zod";
import { ACTION_STATUSES } from "@/lib/domain/action-statuses";
import { zListQuery } from "@/lib/paging";

// An action item is the follow-up of an insight that a department owns (users call them "Actions";
// the code says action item so that it never reads like a Next.js server action).

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a deadline");
/** An optional text field: blank means absent. */
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** Assigning an action item: an insight, a department, a named owner in it and a deadline (a day). */
export const zCreateActionItem = z.strictObject({
  insightId: z.uuid(),
  departmentId: z.uuid(),
  ownerId: z.uuid(),
  title: z.string().trim().min(3, "Describe the action").max(300),
  deadline: day,
});

/** Editing or reassigning: every field is sent (the form shows the current values). */
export const zEditActionItem = z.strictObject({
  actionId: z.uuid(),
  departmentId: z.uuid(),
  ownerId: z.uuid(),
  title: z.string().trim().min(3, "Describe the action").max(300),
  deadline: day,
  reason: optional(1000),
});

/**
 * Moving an action item along its statuses. Done needs a note saying what changed (evidence: a
 * link and a file name may go with it); a reopen needs the reason.
 */
export const zMoveActionItem = z.strictObject({
  actionId: z.uuid(),
  to: z.enum(ACTION_STATUSES),
  note: z.string().trim().max(4000).default(""),
  evidenceUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "A web address (https://…)" }).max(2000)])
    .optional()
    .transform((v) => v || null),
  evidenceFileName: optional(255),
});

export const zCommentActionItem = z.strictObject({
  actionId: z.uuid(),
  text: z.string().trim().min(1, "Write a comment").max(4000),
});

/** The keys an action item list may be sorted by (see zListQuery). */
export const ACTION_ITEM_SORTS = ["deadline", "title", "department", "owner", "status", "created"] as const;
export type ActionItemSortKey = (typeof ACTION_ITEM_SORTS)[number];
export const zActionItemListQuery = zListQuery(ACTION_ITEM_SORTS, "deadline");
export type ActionItemListQuery = { page?: unknown; sort?: unknown };
