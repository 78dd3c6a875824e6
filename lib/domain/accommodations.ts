/** Accessibility needs a customer can state for a session (asked for without labels). */
export const ACCOMMODATIONS = [
  "captions",
  "large_text",
  "sign_language",
  "spoken_interpreter",
  "audio_only",
  "breaks",
] as const;
export type Accommodation = (typeof ACCOMMODATIONS)[number];
