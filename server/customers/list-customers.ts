import "server-only";
import {
  type AnyColumn,
  and,
  asc,
  count,
  desc,
  eq,
  isNotNull,
  isNull,
  like,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { db } from "@/db";
import { customers } from "@/db/schema";
import { type ListPage, pageWindow, zListQuery } from "@/lib/paging";
import { type CustomerFilter, zCustomerFilter } from "@/lib/validation/customers";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";
import { type CustomerDto, toCustomerDto } from "./customer-dto";
import { hasTag, notErased } from "./customer-where";

/** A directory page never renders more than this; search or filter to narrow it. */
export const LIST_LIMIT = 500;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The directory's rows that match a search (name, email, phone), a tag and a segment. */
function matching(f: CustomerFilter): SQL | undefined {
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
  return and(...where);
}

/**
 * The customer directory, optionally searched (name, email, phone) and filtered by tag and
 * segment. Personal data: facilitators and admins only; every read audited.
 */
export async function listCustomers(actor: Actor, filter: CustomerFilter = {}) {
  if (!can(actor, "customer.list")) throw forbidden();
  const f = zCustomerFilter.parse(filter);
  const seesNeeds = can(actor, "customer.accessibility.read");
  const rows = await db
    .select()
    .from(customers)
    .where(matching(f))
    .orderBy(asc(customers.name))
    .limit(LIST_LIMIT);
  await audit(db, actor, "list", "customer", null);
  return rows.map((c) => toCustomerDto(c, seesNeeds));
}

/** The directory's sortable columns, as `?sort=` names them. */
export const CUSTOMER_SORT_KEYS = ["name", "email", "language", "created"] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

const zCustomerListQuery = zCustomerFilter.extend(zListQuery(CUSTOMER_SORT_KEYS, "name").shape);

const ORDER: Record<CustomerSortKey, SQL | AnyColumn> = {
  name: sql`${customers.name} collate nocase`,
  email: customers.email,
  language: customers.language,
  created: customers.createdAt,
};

/**
 * One page of the directory (`?page=&sort=` from the URL, validated here), searched and filtered
 * as `listCustomers`, with the total that matches. Ties are broken by id, so paging is stable.
 */
export async function listCustomersPage(
  actor: Actor,
  query: CustomerFilter & { page?: unknown; sort?: unknown } = {},
): Promise<ListPage<CustomerDto, CustomerSortKey>> {
  if (!can(actor, "customer.list")) throw forbidden();
  const { page, sort, ...filter } = zCustomerListQuery.parse(query);
  const seesNeeds = can(actor, "customer.accessibility.read");
  const where = matching(filter);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(customers).where(where);
  const at = pageWindow(total, page);
  const dir = sort.desc ? desc : asc;
  const rows = await db
    .select()
    .from(customers)
    .where(where)
    .orderBy(dir(ORDER[sort.key]), dir(customers.id))
    .limit(at.pageSize)
    .offset(at.offset);
  await audit(db, actor, "list", "customer", null);
  return { rows: rows.map((c) => toCustomerDto(c, seesNeeds)), total, sort, ...at };
}

/** The tags and segments in use, for the directory's filters. */
export async function customerFacets(actor: Actor) {
  if (!can(actor, "customer.list")) throw forbidden();
  const tags = await db.all<{ value: string }>(
    sql`select distinct j.value as value from ${customers}, json_each(${customers.tags}) j
        where ${customers.erasedAt} is null order by 1`,
  );
  const segments = await db
    .selectDistinct({ segment: customers.segment })
    .from(customers)
    .where(and(isNull(customers.erasedAt), isNotNull(customers.segment)))
    .orderBy(asc(customers.segment));
  return { tags: tags.map((t) => t.value), segments: segments.map((s) => s.segment!) };
}
