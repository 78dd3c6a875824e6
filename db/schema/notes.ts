import { relations } from "drizzle-orm";
import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { CONTACT_KINDS, NOTE_KINDS } from "@/lib/domain/backroom";
import { EMOTIONS } from "@/lib/domain/emotions";
import { LISTENING_CHANNELS } from "@/lib/domain/listening";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { reasonCodes } from "./reason-codes";
import { departments, users } from "./staff";

/**
 * The listening log: the room's note, taken outside a session (an ordinary call listened to, what
 * advisors report). Same fields as a room note plus the day and channel it was heard on; it feeds
 * the same triage, codebook and insights.
 */
export const listeningNotes = sqliteTable(
  "listening_notes",
  {
    id: id(),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    heardAt: instant("heard_at").notNull(),
    channel: text("channel", { enum: LISTENING_CHANNELS }).notNull(),
    kind: text("kind", { enum: NOTE_KINDS }).notNull(),
    text: text("text").notNull(),
    emotion: text("emotion", { enum: EMOTIONS }).notNull().default("neutral"),
    contact: text("contact", { enum: CONTACT_KINDS }).notNull().default("unknown"),
    departmentId: text("department_id").references(() => departments.id, { onDelete: "set null" }),
    customerId: text("customer_id").references(() => customers.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("listening_notes_heard_idx").on(t.heardAt),
    index("listening_notes_customer_idx").on(t.customerId),
  ],
);

export const listeningNoteReasonCodes = sqliteTable(
  "listening_note_reason_codes",
  {
    noteId: text("note_id")
      .notNull()
      .references(() => listeningNotes.id, { onDelete: "cascade" }),
    reasonCodeId: text("reason_code_id")
      .notNull()
      .references(() => reasonCodes.id),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.reasonCodeId] }), index("lnrc_reason_idx").on(t.reasonCodeId)],
);

export const listeningNotesRelations = relations(listeningNotes, ({ many }) => ({
  reasonCodes: many(listeningNoteReasonCodes),
}));
export const listeningNoteReasonCodesRelations = relations(listeningNoteReasonCodes, ({ one }) => ({
  note: one(listeningNotes, { fields: [listeningNoteReasonCodes.noteId], references: [listeningNotes.id] }),
}));

export type ListeningNote = typeof listeningNotes.$inferSelect;
