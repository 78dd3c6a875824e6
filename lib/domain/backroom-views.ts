// What the staff room renders of the backroom, as the server sends it (on load and in data
// messages). Schemas rather than bare types, so a message is checked when it arrives.
import * as z from "zod/mini";
import { CONTACT_KINDS, NOTE_KINDS, QUESTION_STATUSES } from "./backroom";
import { EMOTIONS } from "./emotions";

export const zQuestionView = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(QUESTION_STATUSES),
  mergedIntoId: z.nullable(z.string()),
  authorName: z.string(),
  voterIds: z.array(z.string()),
  /** Milliseconds since the epoch. */
  createdAt: z.number(),
});
export type QuestionView = z.infer<typeof zQuestionView>;

export const zNoteView = z.object({
  id: z.string(),
  kind: z.enum(NOTE_KINDS),
  text: z.string(),
  atSeconds: z.number(),
  emotion: z.enum(EMOTIONS),
  contact: z.enum(CONTACT_KINDS),
  departmentId: z.nullable(z.string()),
  customerId: z.nullable(z.string()),
  reasonCodeIds: z.array(z.string()),
  authorName: z.string(),
  createdAt: z.number(),
});
export type NoteView = z.infer<typeof zNoteView>;
