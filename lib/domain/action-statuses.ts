/** Where a department's follow-up action stands: worked to done, then verified as fixed. */
export const ACTION_STATUSES = ["open", "in_progress", "done", "verified"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What a timeline entry records. */
export const ACTION_EVENT_KINDS = [
  "status",
  "edit",
  "comment",
  "evidence",
  "reminder",
  "escalated_head",
  "escalated_executives",
  "customers_told",
] as const;
export type ActionEventKind = (typeof ACTION_EVENT_KINDS)[number];

/** An action still being worked: reminders and escalations apply. */
export const isOpenWork = (status: ActionStatus) => status === "open" || status === "in_progress";

/** Moves allowed between statuses; back to open from done or verified is a reopen and needs a reason. */
export const ACTION_MOVES: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ["in_progress", "done"],
  in_progress: ["done", "open"],
  done: ["verified", "open"],
  verified: ["open"],
};
export const isReopen = (from: ActionStatus, to: ActionStatus) =>
  to === "open" && (from === "done" || from === "verified");

/** The owner is reminded this long before the deadline. */
export const REMINDER_LEAD_MS = 2 * 24 * 3600_000;
/** Overdue this long after the head was told, the executives are told. */
export const EXECUTIVE_ESCALATION_AFTER_MS = 3 * 24 * 3600_000;

/** "You told us, we changed": a draft per customer, held or sent by the facilitator. */
export const CHANGE_MESSAGE_STATUSES = ["draft", "held", "sent"] as const;
export type ChangeMessageStatus = (typeof CHANGE_MESSAGE_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  verified: "Verified",
};
