import "server-only";
import { z } from "zod";
import { db } from "@/db";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, notFound } from "@/server/errors";
import { toCustomerDto } from "./customer-dto";
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
  const seesNeeds = can(actor, "customer.accessibility.read");
  await audit(db, actor, seesNeeds ? "read_with_needs" : "read", "customer", row.id);
  return toCustomerDto(row, seesNeeds);
}
