import { relations } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { LANGUAGES } from "@/lib/domain/languages";
import { STAFF_ROLES } from "@/lib/domain/staff";
import { createdAt, id, instant } from "./columns";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** Their language preference: how dates and numbers are written for them (staff pages are in English). */
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    /** Trained to listen to customers in vulnerable circumstances (specialist seating). */
    trainedForVulnerable: integer("trained_for_vulnerable", { mode: "boolean" }).notNull().default(false),
    /** Signed into every session cookie at sign-in; raising it revokes them all (sign-out). */
    sessionVersion: integer("session_version").notNull().default(0),
    /** The company identity provider's subject (`sub`), linked at the first SSO sign-in. */
    oidcSubject: text("oidc_subject"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), uniqueIndex("users_oidc_subject_uq").on(t.oidcSubject)],
);

export const departments = sqliteTable(
  "departments",
  {
    id: id(),
    name: text("name").notNull(),
    /** The one person overdue actions escalate to first (then the executives). */
    headId: text("head_id").references((): AnySQLiteColumn => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_name_uq").on(t.name)],
);

export const departmentMembers = sqliteTable(
  "department_members",
  {
    departmentId: text("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Owners work and resolve the department's actions; the head is escalated to. */
    isOwner: integer("is_owner", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.userId] }),
    index("department_members_user_idx").on(t.userId),
  ],
);

/** Auth.js email sign-in tokens, stored as SHA-256 hashes only. */
export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    tokenHash: text("token_hash").notNull(),
    expires: instant("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.tokenHash] })],
);

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(departmentMembers) }));
export const departmentsRelations = relations(departments, ({ many }) => ({
  members: many(departmentMembers),
}));
export const departmentMembersRelations = relations(departmentMembers, ({ one }) => ({
  department: one(departments, { fields: [departmentMembers.departmentId], references: [departments.id] }),
  user: one(users, { fields: [departmentMembers.userId], references: [users.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Department = typeof departments.$inferSelect;

// server/auth/policy.ts still names the role type through the schema; this line goes once it
// imports it from lib/domain/staff like everything else.
