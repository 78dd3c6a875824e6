/** How a customer prefers to be contacted. */
export const CONTACT_PREFERENCES = ["email", "phone", "none"] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/**
 * Whether the app may email this customer at all: an address, not erased, and a contact
 * preference that allows it. "none" forbids every message; "phone" is a preference the app
 * cannot act on (it only emails), so it does not stop an invitation or survey they can ignore.
 */
export function mayEmail(c: {
  email: string | null;
  contactPreference: ContactPreference;
  erasedAt: Date | null;
}) {
  return Boolean(c.email) && !c.erasedAt && c.contactPreference !== "none";
}
