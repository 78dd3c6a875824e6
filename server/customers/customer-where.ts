import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { customers } from "@/db/schema";

// Conditions on the customers table that many queries share, written once.

/** An erased customer (withdrawn, personal data wiped) is never listed, mailed, invited or exported. */
export const notErased = () => isNull(customers.erasedAt);

/** The customer with this id, unless erased. */
export const customerWithId = (id: string) => and(eq(customers.id, id), notErased());

/** Customers whose tag list holds `tag`. */
export const hasTag = (tag: string) =>
  sql`exists (select 1 from json_each(${customers.tags}) where value = ${tag})`;
