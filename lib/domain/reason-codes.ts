/** Where a code stands: proposed (by a facilitator, waiting for an admin), active, or retired. */
export const REASON_CODE_STATES = ["proposed", "active", "retired"] as const;
export type ReasonCodeState = (typeof REASON_CODE_STATES)[number];

/** More active codes than this and people stop remembering them: the codebook warns. */
export const ACTIVE_CODES_WARN_ABOVE = 20;

/** A code as pickers and the codebook show it: its number, wordings, definition, examples. */
export type ReasonCodeView = {
  id: string;
  number: number;
  label: string;
  labelZh: string;
  labelVi: string;
  definition: string;
  examples: string[];
  state: ReasonCodeState;
};

export const splitExamples = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** "2 7, 10" → [2, 7, 10]: reason codes typed by number (staff remember numbers, not lists). */
export const codeNumbersOf = (s: string) => [
  ...new Set(
    s
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number),
  ),
];
