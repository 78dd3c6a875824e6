/** A dashboard link keeping the current filters (plus or minus some). */
export function dashboardHref(
  path: string,
  query: Record<string, string>,
  extra: Record<string, string> = {},
) {
  const qs = new URLSearchParams({ ...query, ...extra }).toString();
  return qs ? `${path}?${qs}` : path;
}
export const csvHref = (query: Record<string, string>, table: string) =>
  dashboardHref("/dashboard/export", query, { table });
/** The page with one table's numbers (every chart links to its own, for screen readers and keyboards). */
export const numbersHref = (query: Record<string, string>, table: string) =>
  dashboardHref("/dashboard/numbers", query, { table });

const dateFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
export const formatDay = (ms: number) => dateFmt.format(ms);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
