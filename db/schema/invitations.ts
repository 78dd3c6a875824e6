import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { Accommodation } from "@/lib/domain/accommodations";
import { CONSENT_PURPOSES } from "@/lib/domain/consent";
import { INVITATION_STATUSES, PAYOUT_STATUSES, REMINDER_KINDS } from "@/lib/domain/invitations";
import { LANGUAGES } from "@/lib/domain/languages";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { sessions } from "./sessions";
import { users } from "./staff";

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id, { onDelete: "cascade" }),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    status: text("status", { enum: INVITATION_STATUSES }).notNull().default("invited"),
    /** SHA-256 of the personal link's token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    tokenExpiresAt: instant("token_expires_at").notNull(),
    tokenRevokedAt: instant("token_revoked_at"),
    accommodations: text("accommodations", { mode: "json" }).$type<Accommodation[]>().notNull().default([]),
    accommodationOther: text("accommodation_other"),
    respondedAt: instant("responded_at"),
    payoutStatus: text("payout_status", { enum: PAYOUT_STATUSES }).notNull().default("not_due"),
    /** Set when the room removes this person; no new room token is minted afterwards. */
    removedFromRoomAt: instant("removed_from_room_at"),
    /**
     * The consent wording version in force when the invitation was made: its page shows that
     * version's texts and its consents record it. Null: invited before admins set versions (the
     * wording built into the code, CONSENT_TEXT_VERSION).
     */
    consentVersion: text("consent_version"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_uq").on(t.tokenHash),
    uniqueIndex("invitations_session_customer_uq").on(t.sessionId, t.customerId),
    index("invitations_customer_idx").on(t.customerId),
  ],
);

/** One row per decision shown and taken: what text (version, language) the customer saw, and when. */
export const consents = sqliteTable(
  "consents",
  {
    id: id(),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    granted: integer("granted", { mode: "boolean" }).notNull(),
    textVersion: text("text_version").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("consents_invitation_idx").on(t.invitationId)],
);

/**
 * The exact consent wording, stored the first time a version is shown in a language. A trigger
 * (migration 0002) refuses updates and deletes: what a customer agreed to can never be rewritten.
 */
export const consentTexts = sqliteTable(
  "consent_texts",
  {
    version: text("version").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    text: text("text").notNull(),
    sha256: text("sha256").notNull(),
    firstShownAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.version, t.language, t.purpose] })],
);

/**
 * Consent wording versions written by admins (en, zh-CN and vi for every purpose, in
 * `consent_texts`, which refuses updates and deletes). The newest is in force for new invitations.
 */
export const consentVersions = sqliteTable("consent_versions", {
  version: text("version").primaryKey(),
  createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/**
 * Further personal links to one invitation, one per later email (reminders, updates): tokens are
 * stored hashed only, so a later email cannot repeat the first link and mints its own. A link is
 * good only while the invitation still has the token it was minted beside, so re-issuing the
 * invitation's link (a new `tokenHash`) or revoking it ends these too.
 */
export const invitationLinks = sqliteTable(
  "invitation_links",
  {
    id: id(),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** The invitation's `tokenHash` when this link was minted. */
    issuedWith: text("issued_with").notNull(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitation_links_token_uq").on(t.tokenHash),
    index("invitation_links_invitation_idx").on(t.invitationId),
  ],
);

/**
 * One row per reminder sent, written in the transaction that queues its email. The unique key
 * includes the start instant it announced: concurrent or repeated runs for the same time insert
 * nothing (no second email), a reschedule to a new time gets new reminders, and moving back to a
 * time already announced does not announce it again.
 */
export const reminderDeliveries = sqliteTable(
  "reminder_deliveries",
  {
    id: id(),
    invitationId: text("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    startsAt: instant("starts_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("reminder_deliveries_uq").on(t.invitationId, t.kind, t.startsAt)],
);

export type Invitation = typeof invitations.$inferSelect;
export type Consent = typeof consents.$inferSelect;
