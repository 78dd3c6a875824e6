import { relations, sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ROOM_ROLES } from "@/lib/domain/room-roles";
import type { SessionTranslations } from "@/lib/domain/session-texts";
import { INCENTIVE_PAYERS, SESSION_FORMATS, SESSION_STATUSES } from "@/lib/domain/sessions";
import { createdAt, id, instant } from "./columns";
import { users } from "./staff";

export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    title: text("title").notNull(),
    /** Title, description and agenda in Chinese and Vietnamese; a field left out shows the English one. */
    translations: text("translations", { mode: "json" })
      .$type<SessionTranslations>()
      .notNull()
      .default(sql`'{}'`),
    description: text("description").notNull().default(""),
    agenda: text("agenda").notNull().default(""),
    format: text("format", { enum: SESSION_FORMATS }).notNull().default("story_circle"),
    status: text("status", { enum: SESSION_STATUSES }).notNull().default("scheduled"),
    startsAt: instant("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(45),
    /** IANA zone the session is planned in; instants are stored in UTC. */
    timeZone: text("time_zone").notNull(),
    seats: integer("seats").notNull().default(10),
    facilitatorId: text("facilitator_id")
      .notNull()
      .references(() => users.id),
    hostOrganisation: text("host_organisation"),
    /** Speed dating only: how many tables (each its own room) and how long a round lasts. */
    tableCount: integer("table_count"),
    roundMinutes: integer("round_minutes"),
    /** Thank-you paid to each customer who takes part, in minor units (pence, cents, dong). */
    incentiveAmountMinor: integer("incentive_amount_minor"),
    incentiveCurrency: text("incentive_currency"),
    incentivePaidBy: text("incentive_paid_by", { enum: INCENTIVE_PAYERS }),
    recordingEnabled: integer("recording_enabled", { mode: "boolean" }).notNull().default(false),
    observersHidden: integer("observers_hidden", { mode: "boolean" }).notNull().default(true),
    /** LiveKit room name; random so it cannot be guessed from the session. */
    roomName: text("room_name")
      .notNull()
      .$defaultFn(() => `im_${crypto.randomUUID()}`),
    /** iCalendar SEQUENCE of the session's calendar entries; raised by every reschedule and cancel. */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
    cancelledAt: instant("cancelled_at"),
    startedAt: instant("started_at"),
    endedAt: instant("ended_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sessions_starts_idx").on(t.startsAt),
    index("sessions_facilitator_idx").on(t.facilitatorId),
    uniqueIndex("sessions_room_uq").on(t.roomName),
  ],
);

/** Staff attending a session, with the role they take in the room. */
export const sessionStaff = sqliteTable(
  "session_staff",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roomRole: text("room_role", { enum: ROOM_ROLES }).notNull().default("observer"),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("session_staff_user_idx").on(t.userId)],
);

export const sessionsRelations = relations(sessions, ({ one, many }) => ({
  facilitator: one(users, { fields: [sessions.facilitatorId], references: [users.id] }),
  staff: many(sessionStaff),
}));
export const sessionStaffRelations = relations(sessionStaff, ({ one }) => ({
  session: one(sessions, { fields: [sessionStaff.sessionId], references: [sessions.id] }),
  user: one(users, { fields: [sessionStaff.userId], references: [users.id] }),
}));

export type Session = typeof sessions.$inferSelect;
