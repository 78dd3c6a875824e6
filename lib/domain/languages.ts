/** Languages a customer is written to in (the customer pages' locales are the same three). */
export const LANGUAGES = ["en", "zh", "vi"] as const;
export type Language = (typeof LANGUAGES)[number];
