import { relations } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CONTACT_KINDS, NOTE_KINDS, QUESTION_STATUSES } from "@/lib/domain/backroom";
import { EMOTIONS } from "@/lib/domain/emotions";
import { MODERATION_CATEGORIES, MODERATION_STEPS } from "@/lib/domain/moderation";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { invitations } from "./invitations";
import { reasonCodes } from "./reason-codes";
import { sessions } from "./sessions";
import { departments, users } from "./staff";

/** LiveKit webhook events already applied, by LiveKit's event id: a repeated delivery is a no-op. */
export const livekitWebhookEvents = sqliteTable("livekit_webhook_events", {
  id: text("id").primaryKey(),
  event: text("event").notNull(),
  roomName: text("room_name"),
  receivedAt: createdAt(),
});

/**
 * One row per participant connection (LiveKit participant sid): who was in a session's room, from
 * when to when. Either end may arrive first, so both are nullable and filled as events come in.
 */
export const roomAttendance = sqliteTable(
  "room_attendance",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    participantSid: text("participant_sid").notNull(),
    identity: text("identity").notNull(),
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    joinedAt: instant("joined_at"),
    leftAt: instant("left_at"),
    durationSeconds: integer("duration_seconds"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("room_attendance_sid_uq").on(t.sessionId, t.participantSid),
    index("room_attendance_invitation_idx").on(t.invitationId),
  ],
);

/** The moderation ladder, logged on the customer's record so the next host is prepared. */
export const moderationEvents = sqliteTable(
  "moderation_events",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    step: text("step", { enum: MODERATION_STEPS }).notNull(),
    category: text("category", { enum: MODERATION_CATEGORIES }).notNull(),
    note: text("note").notNull().default(""),
    actedById: text("acted_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("moderation_customer_idx").on(t.customerId),
    uniqueIndex("moderation_invitation_step_uq").on(t.invitationId, t.step),
  ],
);

/** Backroom question queue (staff only). */
export const roomQuestions = sqliteTable(
  "room_questions",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: QUESTION_STATUSES }).notNull().default("submitted"),
    mergedIntoId: text("merged_into_id"),
    updatedAt: instant("updated_at")
      .notNull()
      .$defaultFn(() => new Date()),
    createdAt: createdAt(),
  },
  (t) => [index("room_questions_session_idx").on(t.sessionId)],
);

export const roomQuestionVotes = sqliteTable(
  "room_question_votes",
  {
    questionId: text("question_id")
      .notNull()
      .references(() => roomQuestions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);

/** Timestamped backroom notes: what was heard, when, and what it says about the cause. */
export const roomNotes = sqliteTable(
  "room_notes",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    text: text("text").notNull(),
    atSeconds: integer("at_seconds").notNull(),
    emotion: text("emotion", { enum: EMOTIONS }).notNull().default("neutral"),
    contact: text("contact", { enum: CONTACT_KINDS }).notNull().default("unknown"),
    departmentId: text("department_id").references(() => departments.id, { onDelete: "set null" }),
    customerId: text("customer_id").references(() => customers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("room_notes_session_idx").on(t.sessionId, t.atSeconds)],
);

export const roomNoteReasonCodes = sqliteTable(
  "room_note_reason_codes",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => roomNotes.id, { onDelete: "cascade" }),
    reasonCodeId: text("reason_code_id")
      .notNull()
      .references(() => reasonCodes.id),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.reasonCodeId] })],
);

export const roomNotesRelations = relations(roomNotes, ({ many }) => ({
  reasonCodes: many(roomNoteReasonCodes),
}));
export const roomNoteReasonCodesRelations = relations(roomNoteReasonCodes, ({ one }) => ({
  note: one(roomNotes, { fields: [roomNoteReasonCodes.noteId], references: [roomNotes.id] }),
}));

export type RoomQuestion = typeof roomQuestions.$inferSelect;
export type RoomNote = typeof roomNotes.$inferSelect;
export type ModerationEvent = typeof moderationEvents.$inferSelect;
