import "server-only";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { zEraseCustomer } from "@/lib/validation/customers";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { customerWithId } from "./customer-where";
import { eraseCustomerInTx } from "./erase-customer";
import { finishErasure } from "./finish-erasure";

/**
 * Erasure on request, by staff: the same erasure as a withdrawal (erase-customer.ts), for any
 * customer — invited or known only from the directory. The reason is audited (a code, never free
 * text that could hold personal data).
 */
export async function eraseCustomerByStaff(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "customer.erase");
  const { customerId, reason } = zEraseCustomer.parse(input);
  const found = await db.query.customers.findFirst({ where: customerWithId(customerId) });
  if (!found) throw notFound();
  const erased = await db.transaction(async (tx) => {
    const result = await eraseCustomerInTx(tx, customerId);
    await tx.insert(auditLog).values({
      actorType: "staff",
      actorId: actor.userId,
      action: `erase:${reason}`,
      resourceType: "customer",
      resourceId: customerId,
    });
    return result;
  });
  await finishErasure(erased.email);
}
