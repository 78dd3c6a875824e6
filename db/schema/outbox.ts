import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, instant } from "./columns";
import { customers } from "./customers";

export const OUTBOX_STATUSES = ["pending", "sent", "dead"] as const;

/**
 * Transactional outbox: a row is written in the same transaction as the change that causes the
 * mail, and the sender delivers it later, retrying with backoff. `messageId` is fixed at insert so
 * a retried delivery carries the same Message-ID.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    messageId: text("message_id").notNull(),
    /** Files sent with the mail; a text/calendar one goes out as the message's calendar part. */
    attachments: text("attachments", { mode: "json" }).$type<MailAttachment[]>().notNull().default([]),
    /** Lets erasure delete a withdrawn customer's pending mail. */
    customerId: text("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at")
      .notNull()
      .$defaultFn(() => new Date()),
    leaseUntil: instant("lease_until"),
    lastError: text("last_error"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_customer_idx").on(t.customerId),
  ],
);

export type MailAttachment = {
  filename: string;
  contentType: string;
  content: string;
  /** iTIP method of a calendar attachment (REQUEST, CANCEL). */
  method?: "REQUEST" | "CANCEL" | "PUBLISH";
};

export type OutboxRow = typeof outbox.$inferSelect;
