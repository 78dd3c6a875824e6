import "server-only";
// The background queues as gauges, read from the database when scraped: how much is waiting,
// how long the oldest has waited (a stuck or missing worker shows as a growing age), and what
// gave up (dead: a person must look).
import { sql } from "drizzle-orm";
import type { Db } from "@/db";

export type QueueFigures = {
  jobs: { kind: string; status: string; count: number }[];
  jobsOldestDueSeconds: number;
  outbox: { status: string; count: number }[];
  outboxOldestDueSeconds: number;
};

export async function readQueueFigures(db: Db, now = new Date()): Promise<QueueFigures> {
  const t = now.getTime();
  const [jobs, jobsOldest, outbox, outboxOldest] = await Promise.all([
    db.all<{ kind: string; status: string; count: number }>(
      sql`select kind, status, count(*) as count from jobs where status in ('pending', 'dead') group by kind, status`,
    ),
    db.all<{ oldest: number | null }>(
      sql`select min(run_at) as oldest from jobs where status = 'pending' and run_at <= ${t}`,
    ),
    db.all<{ status: string; count: number }>(
      sql`select status, count(*) as count from outbox where status in ('pending', 'dead') group by status`,
    ),
    db.all<{ oldest: number | null }>(
      sql`select min(next_attempt_at) as oldest from outbox where status = 'pending' and next_attempt_at <= ${t}`,
    ),
  ]);
  const age = (oldest: number | null | undefined) => (oldest ? Math.max(0, (t - Number(oldest)) / 1000) : 0);
  return {
    jobs: jobs.map((r) => ({ ...r, count: Number(r.count) })),
    jobsOldestDueSeconds: age(jobsOldest[0]?.oldest),
    outbox: outbox.map((r) => ({ ...r, count: Number(r.count) })),
    outboxOldestDueSeconds: age(outboxOldest[0]?.oldest),
  };
}

/** The figures in the Prometheus text format, appended to the registry's own output. */
export function queueFiguresText(f: QueueFigures): string {
  const lines: string[] = [];
  const gauge = (name: string, help: string, rows: [Record<string, string>, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`);
    for (const [labels, value] of rows) {
      const l = Object.entries(labels)
        .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`)
        .join(",");
      lines.push(`${name}${l ? `{${l}}` : ""} ${value}`);
    }
  };
  const jobRows = (status: string) =>
    f.jobs
      .filter((r) => r.status === status)
      .map((r) => [{ kind: r.kind }, r.count] as [Record<string, string>, number]);
  const outboxCount = (status: string) => f.outbox.find((r) => r.status === status)?.count ?? 0;
  gauge("immersion_jobs_pending", "Jobs waiting to run (due or scheduled), by kind", jobRows("pending"));
  gauge("immersion_jobs_dead", "Jobs that used up their attempts, by kind", jobRows("dead"));
  gauge("immersion_jobs_oldest_due_age_seconds", "How long the oldest due job has waited", [
    [{}, f.jobsOldestDueSeconds],
  ]);
  gauge("immersion_outbox_pending", "Emails waiting to be sent", [[{}, outboxCount("pending")]]);
  gauge("immersion_outbox_dead", "Emails that used up their attempts", [[{}, outboxCount("dead")]]);
  gauge("immersion_outbox_oldest_due_age_seconds", "How long the oldest due email has waited", [
    [{}, f.outboxOldestDueSeconds],
  ]);
  return `${lines.join("\n")}\n`;
}
