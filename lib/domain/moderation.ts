// The moderation ladder (PRODUCT.md, "Abusive participants"): two warnings, then removal; removal
// at once for threats and discriminatory abuse. The server enforces it, the room's controls offer
// only the step it allows, and both ask `stepAllowed`.

export const MODERATION_STEPS = ["warning_1", "warning_2", "removal"] as const;
export type ModerationStep = (typeof MODERATION_STEPS)[number];

export const MODERATION_CATEGORIES = [
  "interrupting",
  "offensive_language",
  "personal_attack",
  "threat",
  "discriminatory_abuse",
  "other",
] as const;
export type ModerationCategory = (typeof MODERATION_CATEGORIES)[number];

/** Categories that justify removal without the two warnings first. */
export const IMMEDIATE_REMOVAL: readonly ModerationCategory[] = ["threat", "discriminatory_abuse"];

/** Whether `step` may follow the steps already taken for this participant, for this category. */
export function stepAllowed(
  done: readonly ModerationStep[],
  input: { step: ModerationStep; category: ModerationCategory },
): boolean {
  if (done.includes("removal")) return false;
  if (done.includes(input.step)) return false;
  if (input.step === "warning_1") return true;
  if (input.step === "warning_2") return done.includes("warning_1");
  return done.includes("warning_2") || IMMEDIATE_REMOVAL.includes(input.category);
}

/** The latest step of a ladder: it only climbs, so the highest step taken (timestamps can tie). */
export const latestStep = (done: readonly ModerationStep[]): ModerationStep | null =>
  MODERATION_STEPS.findLast((s) => done.includes(s)) ?? null;
