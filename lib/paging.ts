import { z } from "zod";

/** Rows on one page of any list that can grow. */
export const PAGE_SIZE = 50;

/** A list's order: one whitelisted key, ascending unless `desc`. In the URL: `key` or `-key`. */
export type Sort<K extends string = string> = { key: K; desc: boolean };

/** One page of a list, and where it sits in the whole. */
export type ListPage<T, K extends string = string> = {
  rows: T[];
  total: number;
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pageCount: number;
  pageSize: number;
  sort: Sort<K>;
};

export const sortParam = (s: Sort) => (s.desc ? `-${s.key}` : s.key);

/**
 * `?page=&sort=` of a list: `page` a positive integer, `sort` one of `keys`, "-"-prefixed for
 * descending. Anything else (a hand-edited URL, a removed column) falls back to page 1 and
 * `fallback` rather than failing the page.
 */
export function zListQuery<const K extends string>(keys: readonly [K, ...K[]], fallback: K | `-${K}`) {
  const values = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  const toSort = (s: string): Sort<K> => ({ key: s.replace(/^-/, "") as K, desc: s.startsWith("-") });
  return z.object({
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
    sort: z.enum(values).catch(fallback).default(fallback).transform(toSort),
  });
}

/** The page that exists nearest to `page`, the page count, and the offset of its first row. */
export function pageWindow(total: number, page: number, pageSize = PAGE_SIZE) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, page), pageCount);
  return { page: current, pageCount, offset: (current - 1) * pageSize, pageSize };
}

/** Page numbers to show: the first, the last, and two either side of the current, with gaps. */
export function pageNumbers(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of pages) {
    const prev = out.at(-1);
    if (typeof prev === "number" && n - prev > 1) out.push(n - prev === 2 ? prev + 1 : null);
    out.push(n);
  }
  return out;
}
