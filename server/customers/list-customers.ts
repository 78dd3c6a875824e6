import "server-only";
import { and, asc, eq, like, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { customers } from "@/db/schema";
import { type CustomerFilter, zCustomerFilter } from "@/lib/validation/customers";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";
import { toCustomerDto } from "./customer-dto";
import { hasTag, notErased } from "./customer-where";

/** A directory page never renders more than this; search or filter to narrow it. */
export const LIST_LIMIT = 500;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The customer directory, optionally searched (name, email, phone) and filtered by tag and
 * segment. Personal data: facilitators and admins only; every read audited.
 */
export async function listCustomers(actor: Actor, filter: CustomerFilter = {}) {
  if (!can(actor, "customer.list")) throw forbidden();
  const f = zCustomerFilter.parse(filter);
  const seesNeeds = can(actor, "customer.accessibility.read");
  const where: SQL[] = [notErased()];
  if (f.q) {
    const pattern = `%${escapeLike(f.q)}%`;
    const byText = or(
      sql`${customers.name} like ${pattern} escape '\\'`,
      sql`${customers.email} like ${pattern.toLowerCase()} escape '\\'`,
      like(customers.phone, pattern),
    );
    if (byText) where.push(byText);
  }
  if (f.tag) where.push(hasTag(f.tag));
  if (f.segment) where.push(eq(customers.segment, f.segment));
  const rows = await db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(asc(customers.name))
    .limit(LIST_LIMIT);
  await audit(db, actor, "list", "customer", null);
  return rows.map((c) => toCustomerDto(c, seesNeeds));
}
