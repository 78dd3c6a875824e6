import "server-only";
import { asc, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";

/** The customer directory (personal data: facilitators and admins only; every read audited). */
export async function listCustomers(actor: Actor) {
  if (!can(actor, "customer.list")) throw forbidden();
  const seesNeeds = can(actor, "customer.accessibility.read");
  const rows = await db
    .select()
    .from(customers)
    .where(isNull(customers.erasedAt))
    .orderBy(asc(customers.name));
  await audit(db, actor, "list", "customer", null);
  return rows.map((c) => ({
    id: c.id,
    name: c.name ?? "",
    email: c.email ?? "",
    language: c.language,
    timeZone: c.timeZone,
    tags: c.tags,
    segment: c.segment,
    ...(seesNeeds ? { accessibilityNotes: c.accessibilityNotes } : {}),
  }));
}
