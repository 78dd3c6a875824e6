/** Where a department's follow-up action stands: worked to done, then verified as fixed. */
export const ACTION_STATUSES = ["open", "in_progress", "done", "verified"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
