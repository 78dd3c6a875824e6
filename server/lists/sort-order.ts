import "server-only";
import { type AnyColumn, asc, desc, type SQL } from "drizzle-orm";
import type { Sort } from "@/lib/paging";

/**
 * ORDER BY for a whitelisted sort: its column in the asked direction, then `tiebreak` (a unique
 * column) so that rows with equal keys keep one order and no row shows on two pages.
 */
export function sortOrder<K extends string>(
  sort: Sort<K>,
  columns: Record<K, AnyColumn | SQL>,
  tiebreak: AnyColumn,
): SQL[] {
  return [sort.desc ? desc(columns[sort.key]) : asc(columns[sort.key]), asc(tiebreak)];
}
