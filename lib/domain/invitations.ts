// Invitation vocabulary: where a customer's invitation stands, and their incentive's payout.

export const INVITATION_STATUSES = [
  "invited",
  "accepted",
  "declined",
  "waitlisted",
  "withdrawn",
  "attended",
  "no_show",
] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Where the customer's incentive stands; only meaningful when the session offers one. */
export const PAYOUT_STATUSES = ["not_due", "due", "paid", "declined"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/** Reminders sent before a session. */
export const REMINDER_KINDS = ["day_before", "hour_before"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
