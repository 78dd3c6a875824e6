import { z } from "zod";
import { CONTACT_KINDS, NOTE_KINDS } from "@/lib/domain/backroom";
import { EMOTIONS } from "@/lib/domain/emotions";
import { LISTENING_CHANNELS } from "@/lib/domain/listening";
import { parseEvidenceRef } from "@/lib/domain/notes";

// nullish, not optional: the domain parses again what the edge already parsed (null by then).
const blankToNull = z
  .string()
  .trim()
  .nullish()
  .transform((v) => v || null);

/** Reason codes typed by number ("2 7, 10"), in the room's note form and the listening log. */
export const zCodeNumbers = z
  .string()
  .trim()
  .max(100)
  .regex(/^[\d\s,]*$/, "Numbers only, separated by spaces or commas")
  .default("");

/**
 * A listening-log entry: the room's note form, plus the day and channel it was heard on. Codes
 * come as checked ids and/or typed numbers ("2 7, 10"): staff remember numbers, not lists.
 */
export const zAddListeningNote = z.strictObject({
  heardOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the day it was heard"),
  channel: z.enum(LISTENING_CHANNELS),
  kind: z.enum(NOTE_KINDS),
  text: z.string().trim().min(2, "Write the quote or summary").max(4000),
  reasonCodeIds: z.array(z.uuid()).max(10).default([]),
  codeNumbers: zCodeNumbers,
  emotion: z.enum(EMOTIONS).default("neutral"),
  contact: z.enum(CONTACT_KINDS).default("unknown"),
  departmentId: z
    .union([z.uuid(), z.literal("")])
    .nullish()
    .transform((v) => v || null),
  customerEmail: blankToNull.pipe(z.email("An email address").max(320).nullable()),
});
export type AddListeningNoteInput = z.input<typeof zAddListeningNote>;

export const zEvidenceRefs = z
  .array(z.string().refine((s) => parseEvidenceRef(s) !== null, "Unknown evidence"))
  .max(200)
  .transform((refs) => [...new Set(refs)]);

/** Attaching a selection of notes / comments to an existing insight. */
export const zAttachEvidence = z.strictObject({
  insightId: z.uuid(),
  evidence: zEvidenceRefs.refine((r) => r.length > 0, "Choose at least one note or comment"),
});

export const zRemoveEvidence = z.strictObject({ insightId: z.uuid(), evidenceId: z.uuid() });

/** Triage filters (from the URL: anything unexpected is ignored). */
export const zTriageFilter = z.object({
  code: z.uuid().optional().catch(undefined),
  emotion: z.enum(EMOTIONS).optional().catch(undefined),
  department: z.uuid().optional().catch(undefined),
  customer: z.uuid().optional().catch(undefined),
  untriaged: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
});
/** Raw filters as the URL gives them; zTriageFilter ignores what does not fit. */
export type TriageFilter = Partial<
  Record<"code" | "emotion" | "department" | "customer" | "untriaged", string>
>;
