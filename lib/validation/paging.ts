import { z } from "zod";

/** Rows on one page of every paged list. */
export const PAGE_SIZE = 50;

/** One page of a list, with the total so a table can say "51–100 of 312" and link the next page. */
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number };

/** A sort as it stands in the URL: a key, or the key with a leading "-" for descending. */
export type Sort<K extends string> = K | `-${K}`;

/** What a caller passes for a list: both optional; strings from a URL are fine (zod coerces them). */
export type ListQuery<K extends string> = { page?: number | string; sort?: Sort<K> | string };

/**
 * The `?page=&sort=` of a list. `page` counts from 1; `sort` must be one of `keys` (optionally
 * "-key"). A hand-edited or stale URL never fails: anything else falls back to page 1 and `fallback`.
 */
export function zListQuery<const K extends string>(keys: readonly [K, ...K[]], fallback: Sort<K>) {
  const sorts: readonly string[] = keys.flatMap((k) => [k, `-${k}`]);
  return z.object({
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    sort: z.custom<Sort<K>>((v) => typeof v === "string" && sorts.includes(v)).catch(fallback),
  });
}

/** "-deadline" → { key: "deadline", descending: true }. */
export function parseSort<K extends string>(sort: Sort<K>): { key: K; descending: boolean } {
  return sort.startsWith("-")
    ? { key: sort.slice(1) as K, descending: true }
    : { key: sort as K, descending: false };
}

/** The LIMIT/OFFSET of a page. */
export const pageWindow = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
