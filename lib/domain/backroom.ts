// The backroom's vocabulary: the staff-only question queue and timestamped notes.

export const QUESTION_STATUSES = ["submitted", "approved", "asked", "dismissed", "merged"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** What staff can do to a question from the queue: anyone attending votes, the facilitator moves it on. */
export const QUESTION_ACTIONS = ["vote", "approve", "asked", "dismiss"] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

/** Merged and dismissed questions have left the queue: no votes, no merges. */
export const isClosedQuestion = (status: QuestionStatus) => status === "merged" || status === "dismissed";

export const NOTE_KINDS = ["quote", "summary"] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Whether the customer had been in touch about it before. */
export const CONTACT_KINDS = ["first", "repeat", "unknown"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
