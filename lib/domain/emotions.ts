/** The emotion a backroom note records for what was heard. */
export const EMOTIONS = ["neutral", "pleased", "confused", "anxious", "frustrated", "angry", "sad"] as const;
export type Emotion = (typeof EMOTIONS)[number];
