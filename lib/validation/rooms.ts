import { z } from "zod";
import { CONTACT_KINDS, NOTE_KINDS, QUESTION_ACTIONS } from "@/lib/domain/backroom";
import { EMOTIONS } from "@/lib/domain/emotions";
import { MODERATION_CATEGORIES, MODERATION_STEPS } from "@/lib/domain/moderation";
import { parseIdentity } from "@/lib/domain/room-identity";
import { STORY_TURN_ACTIONS } from "@/lib/domain/story-turns";
import { zCodeNumbers } from "./notes";

export const zModerate = z.strictObject({
  sessionId: z.uuid(),
  invitationId: z.uuid(),
  step: z.enum(MODERATION_STEPS),
  category: z.enum(MODERATION_CATEGORIES),
  note: z.string().trim().max(1000).default(""),
});
export type ModerateInput = z.input<typeof zModerate>;

/** LiveKit identities as minted by the app (cust_/staff_ + uuid); anything else is refused. */
export const zRoomIdentity = z
  .string()
  .refine((s) => parseIdentity(s).kind !== "unknown", "Unknown participant");

export const zMuteTrack = z.strictObject({
  sessionId: z.uuid(),
  identity: zRoomIdentity,
  trackSid: z.string().regex(/^TR_[A-Za-z0-9]+$/, "Unknown track"),
});

export const zFloor = z.strictObject({
  sessionId: z.uuid(),
  identity: z.string().refine((s) => parseIdentity(s).kind === "staff", "Only staff can be given the floor"),
  grant: z.boolean(),
});

export const zSubmitQuestion = z.strictObject({
  sessionId: z.uuid(),
  text: z.string().trim().min(3, "Write the question (at least 3 characters)").max(500),
});

export const zQuestionAction = z.strictObject({
  sessionId: z.uuid(),
  questionId: z.uuid(),
  action: z.enum(QUESTION_ACTIONS),
});

export const zMergeQuestions = z.strictObject({
  sessionId: z.uuid(),
  questionId: z.uuid(),
  intoId: z.uuid(),
});

export const zAddNote = z.strictObject({
  sessionId: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  text: z.string().trim().min(2, "Write the quote or summary").max(4000),
  atSeconds: z.coerce.number().int().min(0).max(86_400).optional(),
  reasonCodeIds: z.array(z.uuid()).max(10).default([]),
  codeNumbers: zCodeNumbers,
  emotion: z.enum(EMOTIONS).default("neutral"),
  contact: z.enum(CONTACT_KINDS).default("unknown"),
  departmentId: z.uuid().nullable().default(null),
  customerId: z.uuid().nullable().default(null),
});
export type AddNoteInput = z.input<typeof zAddNote>;

export const zCaption = z.strictObject({
  sessionId: z.uuid(),
  text: z.string().trim().min(1, "Type what was said").max(500),
});

export const zStoryTurn = z.strictObject({
  sessionId: z.uuid(),
  action: z.enum(STORY_TURN_ACTIONS),
  /** The guest to move (up or down); not needed for "next". */
  invitationId: z.uuid().optional(),
});
