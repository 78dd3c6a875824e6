import "server-only";
import type { Tx } from "@/db";
import { changeMessages } from "@/db/schema";
import { changeRecipients, eligible } from "./recipients";

/**
 * On verification: a draft per customer who may be told, in their language. The unique
 * (action, customer) pair makes it once per customer per change, however many of their quotes
 * are evidence and however often the action is reopened and verified again.
 */
export async function draftChangeMessages(tx: Tx, actionId: string): Promise<number> {
  const recipients = eligible(await changeRecipients(tx, actionId));
  if (!recipients.length) return 0;
  const rows = await tx
    .insert(changeMessages)
    .values(
      recipients.map((r) => ({
        actionId,
        customerId: r.customerId,
        invitationId: r.invitationId,
        language: r.language,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: changeMessages.id });
  return rows.length;
}
