import "server-only";
import { db } from "@/db";
import { env } from "@/env";
import { listMailbox, type MailboxMessage } from "@/mail-catcher/mailbox-store";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { type OutboxStatus, outboxStatus } from "./outbox-status";

/** Where `npm run dev` has the mail catcher store what it catches. */
export const DEV_MAILBOX_DIR = "data/mailbox";

/**
 * Demo mode only: the newest mail the local catcher received, and the outbox's state. Outside
 * demo mode, or for staff who may not read it, there is no mailbox (not found).
 */
export async function devMailbox(
  actor: Actor,
  limit = 50,
): Promise<{ mails: MailboxMessage[]; status: OutboxStatus }> {
  if (!env.IMMERSION_DEMO || !can(actor, "mailbox.read")) throw notFound();
  const [mails, status] = await Promise.all([listMailbox(DEV_MAILBOX_DIR, limit), outboxStatus(db)]);
  return { mails, status };
}
