import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { STORY_TURN_STATES } from "@/lib/domain/story-turns";
import { instant } from "./columns";
import { invitations } from "./invitations";
import { sessions } from "./sessions";

/** Story circle: each guest's place in the telling order and where their turn stands. */
export const storyTurns = sqliteTable(
  "story_turns",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    state: text("state", { enum: STORY_TURN_STATES }).notNull().default("next"),
    startedAt: instant("started_at"),
    endedAt: instant("ended_at"),
  },
  (t) => [
    uniqueIndex("story_turns_invitation_uq").on(t.sessionId, t.invitationId),
    index("story_turns_session_idx").on(t.sessionId, t.position),
  ],
);
