import "server-only";
import { and, asc, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { customers } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";
import { notErased } from "./customer-where";

/** The tags and segments in use (no personal data), for the directory's filters and the audience picker. */
export async function customerFacets(actor: Actor): Promise<{ tags: string[]; segments: string[] }> {
  if (!can(actor, "customer.list")) throw forbidden();
  const tags = await db.all<{ value: string }>(
    sql`select distinct j.value as value from ${customers}, json_each(${customers.tags}) j
        where ${notErased()} order by 1`,
  );
  const segments = await db
    .selectDistinct({ segment: customers.segment })
    .from(customers)
    .where(and(notErased(), isNotNull(customers.segment)))
    .orderBy(asc(customers.segment));
  return {
    tags: tags.map((t) => t.value),
    segments: segments.map((s) => s.segment).filter((s): s is string => !!s),
  };
}
