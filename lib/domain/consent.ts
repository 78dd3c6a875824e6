/** The separate decisions a customer takes on the invitation page; each is stored on its own. */
export const CONSENT_PURPOSES = ["participate", "quote_anonymously", "record", "contact_after"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
