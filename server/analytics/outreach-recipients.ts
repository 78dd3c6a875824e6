import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/db";

const DAY = 86_400_000;
/** How far back "raised it recently" reaches. */
export const OUTREACH_DAYS = 28;

export type OutreachRecipient = { customerId: string; email: string; language: "en" | "zh" | "vi" };

/**
 * Customers likely affected by an emerging issue: those heard raising the code in a session of
 * the last 28 days whose latest answer to "may we contact you afterwards" for that session is yes,
 * not erased, with an email address. Each once.
 */
export function outreachRecipients(tx: Tx, reasonCodeId: string, now = new Date()) {
  return tx.all<OutreachRecipient>(sql`SELECT DISTINCT c.id AS customerId, c.email AS email, c.language AS language
    FROM room_note_reason_codes l
      JOIN room_notes n ON n.id = l.note_id
      JOIN customers c ON c.id = n.customer_id AND c.erased_at IS NULL AND c.email IS NOT NULL
      JOIN invitations i ON i.session_id = n.session_id AND i.customer_id = c.id
    WHERE l.reason_code_id = ${reasonCodeId} AND n.created_at >= ${now.getTime() - OUTREACH_DAYS * DAY}
      AND (SELECT k.granted FROM consents k WHERE k.invitation_id = i.id AND k.purpose = 'contact_after'
           ORDER BY k.created_at DESC LIMIT 1) = 1`);
}
