import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LANGUAGES } from "@/lib/domain/languages";
import { createdAt, id, instant } from "./columns";
import { invitations } from "./invitations";
import { sessions } from "./sessions";

/** A survey sent to one attendee after a session; its link token is stored hashed. */
export const surveys = sqliteTable(
  "surveys",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** Null once the customer withdrew: the anonymous response stays for the aggregates. */
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    tokenHash: text("token_hash").notNull(),
    tokenExpiresAt: instant("token_expires_at").notNull(),
    sentAt: instant("sent_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("surveys_token_uq").on(t.tokenHash),
    uniqueIndex("surveys_invitation_uq").on(t.invitationId),
    index("surveys_session_idx").on(t.sessionId),
  ],
);

/** At most one response per survey (unique), so a second submit can never create a second row. */
export const surveyResponses = sqliteTable(
  "survey_responses",
  {
    id: id(),
    surveyId: text("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    csat: integer("csat").notNull(),
    nps: integer("nps").notNull(),
    comment: text("comment"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("survey_responses_survey_uq").on(t.surveyId),
    index("survey_responses_created_idx").on(t.createdAt),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
