import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { invitations } from "./invitations";
import { sessions } from "./sessions";
import { users } from "./staff";

/**
 * Speed dating: the table (0-based) each booked customer sits at for the whole session. Written
 * once, when the seating is first needed (the start, or the first room token), so it never moves.
 */
export const speedDatingSeats = sqliteTable(
  "speed_dating_seats",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    tableIndex: integer("table_index").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.invitationId] })],
);

/**
 * Speed dating: each rotating staff member's slot; slot i sits at table (i + round) mod tables.
 * Stored so the rotation stays the same however the staff list is edited during the session.
 */
export const speedDatingRotation = sqliteTable(
  "speed_dating_rotation",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    slot: integer("slot").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);
