import { z } from "zod";
import { isValidTimeZone } from "@/lib/dates";
import { CONTACT_PREFERENCES } from "@/lib/domain/customers";
import { LANGUAGES } from "@/lib/domain/languages";

/** Tags are short labels; `;` (or `,`) separates them in a form field or a CSV cell. */
export const TAG_SEPARATOR = /[;,]/;
export const MAX_TAGS = 20;

// C0/C1 control characters (except tab and newlines in notes) are never typed by a person; they
// break CSV exports and terminals. Everything else — any script, combining marks, bidi controls,
// zero-width characters, markup — is kept exactly as given and rendered escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const LINE_CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

const noControls = (s: string) => !CONTROL_CHARS.test(s);
const singleLine = (s: string) => !LINE_CONTROL_CHARS.test(s);

/** Trimmed and lower-cased, so "Mai@Example.com " and "mai@example.com" are one customer. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const zCustomerEmail = z
  .string()
  .transform(normaliseEmail)
  .pipe(z.email("Enter a valid email address").max(254, "At most 254 characters"));

/** "a; b;;A" → ["a", "b"]: trimmed, lower-cased, de-duplicated, order kept. */
export function splitTags(raw: string): string[] {
  const seen = new Set<string>();
  for (const part of raw.split(TAG_SEPARATOR)) {
    const tag = part.trim().replace(/\s+/g, " ").toLowerCase();
    if (tag) seen.add(tag);
  }
  return [...seen];
}

const zTags = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? splitTags(v.join(";")) : splitTags(v)))
  .pipe(
    z
      .array(z.string().max(40, "Each tag at most 40 characters").refine(singleLine, "Tags are one line"))
      .max(MAX_TAGS, `At most ${MAX_TAGS} tags`),
  );

const nullIfBlank = (s: string) => (s.trim() === "" ? null : s);

/** Each field once; the form schema adds defaults, the CSV schema leaves absent cells absent. */
const field = {
  name: z
    .string()
    .trim()
    .min(1, "Enter the customer's name")
    .max(200, "At most 200 characters")
    .refine(singleLine, "The name contains characters that cannot be shown"),
  preferredName: z
    .string()
    .trim()
    .max(100, "At most 100 characters")
    .refine(singleLine, "The name contains characters that cannot be shown")
    .transform(nullIfBlank)
    .nullable(),
  email: zCustomerEmail,
  phone: z
    .string()
    .trim()
    .max(40, "At most 40 characters")
    .refine((s) => s === "" || /^\+?[0-9 ()./-]{3,}$/.test(s), "Digits, spaces, ( ) - . / and a leading +")
    .transform(nullIfBlank)
    .nullable(),
  language: z.enum(LANGUAGES, "Choose en (English), zh (Chinese) or vi (Vietnamese)"),
  timeZone: z.string().trim().refine(isValidTimeZone, "Choose a valid IANA time zone, e.g. Europe/London"),
  tags: zTags,
  segment: z
    .string()
    .trim()
    .max(80, "At most 80 characters")
    .refine(singleLine, "The segment is one line")
    .transform(nullIfBlank)
    .nullable(),
  contactPreference: z.enum(CONTACT_PREFERENCES, "Choose email, phone or none"),
  /** Stored exactly (no trimming): free text in the customer's own words. */
  accessibilityNotes: z
    .string()
    .max(2000, "At most 2000 characters")
    .refine(noControls, "The notes contain characters that cannot be shown")
    .transform(nullIfBlank)
    .nullable(),
};

export const zCustomerFields = z.strictObject({
  name: field.name,
  preferredName: field.preferredName.default(null),
  email: field.email,
  phone: field.phone.default(null),
  language: field.language.default("en"),
  timeZone: field.timeZone,
  tags: field.tags.default([]),
  segment: field.segment.default(null),
  contactPreference: field.contactPreference.default("email"),
  /** Absent means "leave as it is" (and is the only option for roles that may not see needs). */
  accessibilityNotes: field.accessibilityNotes.optional(),
});
export type CustomerFields = z.infer<typeof zCustomerFields>;
export type CustomerFieldsInput = z.input<typeof zCustomerFields>;

/** One CSV row, blank cells already dropped: a re-import never wipes what a cell left out. */
export const zCsvCustomerRow = z.strictObject({
  name: field.name,
  preferredName: field.preferredName.optional(),
  email: field.email,
  phone: field.phone.optional(),
  language: field.language.optional(),
  timeZone: field.timeZone.optional(),
  tags: field.tags.optional(),
  segment: field.segment.optional(),
  contactPreference: field.contactPreference.optional(),
  accessibilityNotes: field.accessibilityNotes.optional(),
});
export type CsvCustomerRow = z.infer<typeof zCsvCustomerRow>;

export const zCreateCustomer = zCustomerFields;
export const zUpdateCustomer = zCustomerFields.extend({ id: z.uuid() });
export type UpdateCustomerInput = z.input<typeof zUpdateCustomer>;

export const zCustomerFilter = z.strictObject({
  q: z.string().trim().max(200).optional().catch(undefined),
  tag: z.string().trim().max(40).optional().catch(undefined),
  segment: z.string().trim().max(80).optional().catch(undefined),
});
export type CustomerFilter = z.infer<typeof zCustomerFilter>;

/** Limits on one CSV import: the whole text is parsed and validated in one request. */
export const CSV_MAX_BYTES = 512 * 1024;
export const CSV_MAX_ROWS = 2000;

export const zImportCsv = z.strictObject({
  csv: z
    .string()
    .refine((s) => s.trim() !== "", "Choose a CSV file or paste its contents")
    .refine(
      (s) => new TextEncoder().encode(s).length <= CSV_MAX_BYTES,
      `The file is larger than ${CSV_MAX_BYTES / 1024} KB; split it into smaller files`,
    ),
});

/** Why staff erase a customer: a code, so the audit log holds no free text about the person. */
export const ERASURE_REASONS = ["customer_request", "duplicate_record", "no_legal_basis", "other"] as const;

export const zEraseCustomer = z.strictObject({
  customerId: z.uuid(),
  reason: z.enum(ERASURE_REASONS, "Choose a reason"),
  confirm: z.literal("yes", "Tick the box to confirm"),
});
