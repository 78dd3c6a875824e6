// Small shared pieces of the staff room's controls.

import type { ActionResult as RoomActionResult } from "@/lib/action-result";
import type { QuestionView } from "@/lib/domain/backroom-views";
import type { ModerationCategory, ModerationStep } from "@/lib/domain/moderation";

export const btn =
  "min-h-9 rounded-md px-3 py-1 text-sm font-semibold ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50";

/** Minutes and seconds into the session, e.g. 2:05. */
export const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

export const CATEGORY_LABEL: Record<ModerationCategory, string> = {
  interrupting: "Repeated interrupting",
  offensive_language: "Offensive language",
  personal_attack: "Personal attack on someone present",
  threat: "Threat (remove at once)",
  discriminatory_abuse: "Racist, sexist, homophobic or other discriminatory abuse (remove at once)",
  other: "Other",
};

export const STEP_LABEL: Record<ModerationStep, string> = {
  warning_1: "Warning 1",
  warning_2: "Warning 2",
  removal: "Removed",
};

/** How a control tells the room page what happened: an error message shows above the backroom. */
export type Report = (result: { ok: boolean; message?: string }) => void;

/** What a question-queue control does with its answer: the question(s) as saved, or why not. */
export type ApplyQuestions = (res: RoomActionResult<QuestionView | QuestionView[]>) => void;

/** Replaces items by id and appends new ones: live updates carry whole rows as saved. */
export function upsert<T extends { id: string }>(list: T[], items: T[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const i of items) byId.set(i.id, i);
  return [...byId.values()];
}
