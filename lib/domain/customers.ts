/** How a customer prefers to be contacted. */
export const CONTACT_PREFERENCES = ["email", "phone", "none"] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];
