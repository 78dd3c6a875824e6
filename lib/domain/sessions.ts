// Session vocabulary, shared by the schema, the forms, the domain and the pages.

export const SESSION_FORMATS = ["story_circle", "panel", "speed_dating", "mass_online"] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];

/** A draft is not announced; scheduled → live → ended, or cancelled before it ends. */
export const SESSION_STATUSES = ["draft", "scheduled", "live", "ended", "cancelled"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Who pays a customer's thank-you: the company, or the host organisation of the session. */
export const INCENTIVE_PAYERS = ["company", "host"] as const;
export type IncentivePayer = (typeof INCENTIVE_PAYERS)[number];
