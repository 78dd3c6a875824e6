// Child process of the dashboard bench: points the app's database at the bench file (argv[2])
// before anything reads env.ts, then times every dashboard aggregate 20 times after 3 warm-ups.
// Prints one JSON line per aggregate.
export {};

process.env.DATABASE_URL = `file:${process.argv[2]}`;
process.env.APP_URL ??= "http://127.0.0.1:3000";

const { eq, sql } = await import("drizzle-orm");
const { db } = await import("@/db");
const { users } = await import("@/db/schema");
const { migrateDatabase } = await import("@/db/migrate");
// A cached database from before a migration gets it now (with its backfill), like a release would.
await migrateDatabase(db);
const { loadStaffActor } = await import("@/server/staff/load-staff-actor");
const { readDashboardFilters } = await import("@/lib/validation/dashboard");
const { dashboardTrends } = await import("@/server/analytics/trends");
const { reasonCodePareto } = await import("@/server/analytics/pareto");
const { emergingIssues } = await import("@/server/analytics/emerging-issues");
const { departmentScorecards } = await import("@/server/analytics/scorecards");
const { beforeAfter } = await import("@/server/analytics/before-after");
const { tellingQuotes } = await import("@/server/analytics/quotes");
const { dashboardFacets } = await import("@/server/analytics/dashboard-facets");
const { loadDashboard } = await import("@/server/analytics/load-dashboard");

const u = await db.query.users.findFirst({ where: eq(users.email, "executive@northwind.example") });
const actor = u && (await loadStaffActor(db, u.id));
if (!actor) throw new Error("no executive in the bench database");
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const weeks = readDashboardFilters({});
const twoYearsMonthly = readDashboardFilters({ grain: "month", from: iso(Date.now() - 730 * DAY) });
const filtered = readDashboardFilters({ language: "zh", format: "panel", segment: "business" });
const codes = await db.all<{ id: string }>(sql`SELECT id FROM reason_codes ORDER BY number LIMIT 4`);

const cases: [string, () => Promise<unknown>][] = [
  ["trends, 26 weeks", () => dashboardTrends(actor, weeks)],
  ["trends, 24 months", () => dashboardTrends(actor, twoYearsMonthly)],
  ["trends, 26 weeks, 3 filters", () => dashboardTrends(actor, filtered)],
  ["Pareto, 26 weeks", () => reasonCodePareto(actor, weeks)],
  ["Pareto, 2 years", () => reasonCodePareto(actor, twoYearsMonthly)],
  ["emerging issues (40 codes)", () => emergingIssues(actor, {})],
  ["department scorecards (+ per owner)", () => departmentScorecards(actor, {})],
  [
    "before/after (8 weeks each side)",
    () => beforeAfter(actor, readDashboardFilters({ fix: iso(Date.now() - 60 * DAY), codes: "1,2" })),
  ],
  [
    "quotes (4 codes)",
    () =>
      tellingQuotes(
        actor,
        codes.map((c) => c.id),
      ),
  ],
  ["filter facets", () => dashboardFacets(actor)],
  ["the whole dashboard (all of the above, parallel)", () => loadDashboard(actor, weeks)],
  // The reference: the old headline query, a scan of every response.
  [
    "reference: headline by scanning every response",
    () => db.all(sql`SELECT count(*), sum(csat >= 4), sum(nps >= 9), sum(nps <= 6) FROM survey_responses`),
  ],
];
for (const [name, run] of cases) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? 0;
  console.log(JSON.stringify({ name, p50: q(0.5), p95: q(0.95), max: times.at(-1) }));
}
process.exit(0);
