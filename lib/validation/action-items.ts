import { z } from "zod";
import { type ListQuery, zListQuery } from "./paging";

// An action item is the follow-up of an insight that a department owns (users call them "Actions";
// the code says action item so that it never reads like a Next.js server action).

/** Assigning an action item: an insight, a department, a named owner in it and a deadline (a day). */
export const zCreateActionItem = z.strictObject({
  insightId: z.uuid(),
  departmentId: z.uuid(),
  ownerId: z.uuid(),
  title: z.string().trim().min(3, "Describe the action").max(300),
  deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a deadline"),
});

/** Moving an action item along its statuses; the note is the resolution when it becomes done. */
export const zMoveActionItem = z.strictObject({
  actionId: z.uuid(),
  to: z.enum(["open", "in_progress", "done", "verified"]),
  note: z.string().trim().max(4000).default(""),
});

/** The keys an action item list may be sorted by (see zListQuery). */
export const ACTION_ITEM_SORTS = ["deadline", "title", "department", "owner", "created"] as const;
export type ActionItemSortKey = (typeof ACTION_ITEM_SORTS)[number];
export const zActionItemListQuery = zListQuery(ACTION_ITEM_SORTS, "deadline");
export type ActionItemListQuery = ListQuery<ActionItemSortKey>;
