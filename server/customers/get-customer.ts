import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { invitations, sessions } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, notFound } from "@/server/errors";
import { toCustomerDto, toPseudonymousDto } from "./customer-dto";
import { customerWithId } from "./customer-where";

/** One customer's record (erased customers are gone). Every read is audited. */
export async function getCustomer(actor: Actor, customerId: string) {
  if (!can(actor, "customer.read")) throw forbidden();
  const id = z.uuid().safeParse(customerId);
  if (!id.success) throw notFound();
  const row = await db.query.customers.findFirst({
    where: customerWithId(id.data),
  });
  if (!row) throw notFound();
  const customerFacilitatorIds = await facilitatorsOfCustomer(row.id);
  if (!can(actor, "customer.contact.read", { customerFacilitatorIds })) {
    await audit(db, actor, "read_pseudonymous", "customer", row.id);
    return toPseudonymousDto(row);
  }
  const seesNeeds = can(actor, "customer.accessibility.read");
  await audit(db, actor, seesNeeds ? "read_with_needs" : "read", "customer", row.id);
  return { ...toCustomerDto(row, seesNeeds), pseudonymous: false as const };
}

/** Who facilitates the sessions this customer was invited to (need-to-know for their details). */
export async function facilitatorsOfCustomer(customerId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: sessions.facilitatorId })
    .from(invitations)
    .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
    .where(eq(invitations.customerId, customerId));
  return rows.map((r) => r.id);
}
