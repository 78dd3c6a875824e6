import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { LANGUAGES } from "@/lib/domain/languages";
import { SESSION_FORMATS } from "@/lib/domain/sessions";
import { SURVEY_SEND_KINDS, type SurveyAnswers, type SurveyQuestion } from "@/lib/domain/surveys";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { invitations } from "./invitations";
import { sessions } from "./sessions";
import { users } from "./staff";

/** A survey template built in the app; its questions live in versions. */
export const surveyTemplates = sqliteTable("survey_templates", {
  id: id(),
  name: text("name").notNull(),
  createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
  archivedAt: instant("archived_at"),
  createdAt: createdAt(),
});

/**
 * One version of a template's questions. A version is frozen once a survey was sent with it:
 * editing then adds the next version, so every response points at the exact questions it answered.
 */
export const surveyTemplateVersions = sqliteTable(
  "survey_template_versions",
  {
    id: id(),
    templateId: text("template_id")
      .notNull()
      .references(() => surveyTemplates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    questions: text("questions", { mode: "json" }).$type<SurveyQuestion[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_template_versions_uq").on(t.templateId, t.version)],
);

/** The template a format's sessions send unless the session picks another. */
export const surveyFormatDefaults = sqliteTable("survey_format_defaults", {
  format: text("format", { enum: SESSION_FORMATS }).primaryKey(),
  templateId: text("template_id")
    .notNull()
    .references(() => surveyTemplates.id, { onDelete: "cascade" }),
});

/** A session's own survey choice: template (null = the format's default), delay, reminder. */
export const sessionSurveySettings = sqliteTable("session_survey_settings", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  templateId: text("template_id").references(() => surveyTemplates.id, { onDelete: "set null" }),
  delayMinutes: integer("delay_minutes").notNull(),
  reminderAfterHours: integer("reminder_after_hours").notNull(),
});

/**
 * When each customer was last sent a survey: the frequency cap. Claimed by one conditional
 * upsert (a row only when the last one is older than the cap), so two dispatches at the same
 * moment cannot both claim the same customer.
 */
export const surveyCaps = sqliteTable("survey_caps", {
  customerId: text("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  lastSentAt: instant("last_sent_at").notNull(),
});

/** A survey sent to one attendee after a session; its link tokens are stored hashed. */
export const surveys = sqliteTable(
  "surveys",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    /** Null once the customer withdrew: the anonymous response stays for the aggregates. */
    invitationId: text("invitation_id").references(() => invitations.id, { onDelete: "set null" }),
    /** Null for surveys sent before templates: those answer the classic form. */
    templateVersionId: text("template_version_id").references(() => surveyTemplateVersions.id),
    kind: text("kind", { enum: SURVEY_SEND_KINDS }).notNull().default("after_session"),
    tokenHash: text("token_hash").notNull(),
    /** The reminder's own link (a token cannot be mailed twice: only its hash is kept). */
    reminderTokenHash: text("reminder_token_hash"),
    tokenExpiresAt: instant("token_expires_at").notNull(),
    sentAt: instant("sent_at").notNull(),
    reminderSentAt: instant("reminder_sent_at"),
    /** Answers saved as they are given, before the customer sends the survey. */
    draft: text("draft", { mode: "json" }).$type<SurveyAnswers>(),
    draftSavedAt: instant("draft_saved_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("surveys_token_uq").on(t.tokenHash),
    uniqueIndex("surveys_reminder_token_uq").on(t.reminderTokenHash),
    uniqueIndex("surveys_invitation_uq").on(t.invitationId),
    index("surveys_session_idx").on(t.sessionId),
  ],
);

/**
 * At most one response per survey (unique), so a second submit can never create a second row.
 * `answers` holds ratings and choices, `texts` the free text (erased on withdrawal); the headline
 * scores are copied out (the first CSAT, NPS and CES question) for filters and aggregates, and
 * `comment` is the free text joined, for the insight triage.
 */
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
    templateVersionId: text("template_version_id").references(() => surveyTemplateVersions.id),
    csat: integer("csat"),
    nps: integer("nps"),
    ces: integer("ces"),
    answers: text("answers", { mode: "json" }).$type<SurveyAnswers>().notNull().default({}),
    texts: text("texts", { mode: "json" }).$type<Record<string, string>>().notNull().default({}),
    comment: text("comment"),
    language: text("language", { enum: LANGUAGES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("survey_responses_survey_uq").on(t.surveyId),
    index("survey_responses_created_idx").on(t.createdAt),
    index("survey_responses_session_idx").on(t.sessionId),
  ],
);

export type Survey = typeof surveys.$inferSelect;
export type SurveyResponse = typeof surveyResponses.$inferSelect;
export type SurveyTemplate = typeof surveyTemplates.$inferSelect;
export type SurveyTemplateVersion = typeof surveyTemplateVersions.$inferSelect;
