import "server-only";
import { db } from "@/db";
import { audit } from "@/server/audit/log";
import type { CustomerActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { eraseCustomerInTx } from "@/server/customers/erase-customer";
import { finishErasure } from "@/server/customers/finish-erasure";
import { notFound } from "@/server/errors";
import { withdrawalConfirmationMail } from "@/server/mail/customer-mails";
import { enqueueEmail } from "@/server/notify/outbox";

/**
 * Withdrawal: the customer's own erasure (server/customers/erase-customer.ts), and a short
 * confirmation in their language that carries nothing of what was erased — no name, no session,
 * no link. The confirmation is queued unlinked from the customer (erasure deletes their mail) and
 * the sender blanks its address once it has gone out (`ERASE_AFTER_SEND` in server/notify/sender.ts).
 */
export async function withdrawCustomer(actor: CustomerActor): Promise<void> {
  if (!can(actor, "invitation.respond", { invitationId: actor.invitationId })) throw notFound();
  const erased = await db.transaction(async (tx) => {
    const result = await eraseCustomerInTx(tx, actor.customerId);
    await audit(tx, actor, "withdraw_and_erase", "customer", actor.customerId);
    if (result.email && !result.alreadyErased) {
      const mail = withdrawalConfirmationMail(result.language);
      await enqueueEmail(tx, { kind: "withdrawal_confirmation", to: result.email, ...mail });
    }
    return result;
  });
  await finishErasure(erased.email);
}
