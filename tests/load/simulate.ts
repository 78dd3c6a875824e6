// The load simulation (issue 14, "Many instances"): two app instances (`next start`, the
// production build) and two workers (`npm run worker`) on ONE libSQL server (sqld), on loopback,
// under bounded concurrent RSVPs, survey submits and reminder jobs. It checks what must hold when
// several processes share the database — 0 lost, 0 duplicated rows, capacity never exceeded,
// each email sent exactly once (counted at a real SMTP server) — and prints the figures.
//   bash scripts/load-simulation.sh            (after `npx next build`)
//   SESSIONS=4 SEATS=10 INVITEES=25 SURVEYS=400 CONCURRENCY=16 bash scripts/load-simulation.sh
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { freePort } from "../support/ports";
import { startTestSmtp } from "../support/smtp";
import { startSqld } from "../support/sqld";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SESSIONS = num("SESSIONS", 4);
const SEATS = num("SEATS", 10);
const INVITEES = num("INVITEES", 25); // per session; more than the seats, so some are waitlisted
const SURVEYS = num("SURVEYS", 400);
const CONCURRENCY = num("CONCURRENCY", 16);

type Proc = { name: string; child: ChildProcess; output: () => string };
const procs: Proc[] = [];
const figures: string[] = [];
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  (ok ? figures : failures).push(`${ok ? "ok  " : "FAIL"} ${what}`);
};

function start(name: string, cmd: string, args: string[], env: Record<string, string>): Proc {
  let output = "";
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (d) => (output = (output + d).slice(-200_000)));
  child.stderr?.on("data", (d) => (output = (output + d).slice(-200_000)));
  const p = { name, child, output: () => output };
  procs.push(p);
  return p;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 120_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `tasks` with at most `limit` in flight; each task's latency is recorded. */
async function bounded<T>(limit: number, tasks: (() => Promise<T>)[]) {
  const results: T[] = new Array(tasks.length);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        const t0 = performance.now();
        results[i] = await tasks[i]!();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { results, seconds, p50: pct(0.5), p99: pct(0.99), rate: tasks.length / seconds };
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** The RSVP as a browser without JavaScript sends it: the form's own hidden action fields. */
async function rsvp(base: string, token: string, client: string): Promise<string> {
  const exchanged = await fetch(`${base}/i/${token}`, {
    redirect: "manual",
    headers: { "x-forwarded-for": client },
  });
  if (exchanged.status < 300 || exchanged.status >= 400) return `link ${exchanged.status}`;
  const cookie = cookieOf(exchanged);
  const page = await fetch(`${base}/invite`, { headers: { cookie, "x-forwarded-for": client } });
  const html = await page.text();
  const form = html.split("<form").find((f) => f.includes('name="decision"'));
  if (!form) return `no form (${page.status})`;
  const body = new FormData();
  for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? "";
    if (name) body.append(name, value.replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
  }
  body.set("decision", "accept");
  body.set("participate", "on");
  const posted = await fetch(`${base}/invite`, {
    method: "POST",
    body,
    headers: { cookie, origin: base, "x-forwarded-for": client },
  });
  const text = await posted.text();
  if (posted.status !== 200) return `rsvp ${posted.status}`;
  if (/very busy right now/.test(text)) return "busy";
  return "answered";
}

async function main() {
  const root = process.cwd();
  const smtp = await startTestSmtp();
  const sqld = await startSqld();
  const base = {
    DATABASE_URL: sqld.url,
    SMTP_URL: smtp.url,
    NODE_ENV: "production",
    IMMERSION_DEMO: "true", // the demo secrets and sign-in; nothing else differs
    MIGRATE_ON_START: "false",
    WORKER_IN_PROCESS: "false",
    NEXT_TELEMETRY_DISABLED: "1",
    LIVEKIT_URL: "ws://127.0.0.1:9",
    LOG_LEVEL: "warn",
  };
  try {
    // The release step, once, before any instance starts.
    const migrate = start(
      "migrate",
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "scripts/migrate.ts"],
      base,
    );
    await new Promise((r) => migrate.child.once("exit", r));
    if (migrate.child.exitCode !== 0) throw new Error(`db:migrate failed:\n${migrate.output()}`);

    const ports = [await freePort(), await freePort()];
    const apps = ports.map((port, i) => {
      const url = `http://127.0.0.1:${port}`;
      start(
        `web-${i + 1}`,
        path.join(root, "node_modules/.bin/next"),
        ["start", "-p", String(port), "-H", "127.0.0.1"],
        {
          ...base,
          APP_URL: url,
        },
      );
      return url;
    });
    for (const i of [1, 2])
      start(
        `worker-${i}`,
        path.join(root, "node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/worker.ts"],
        {
          ...base,
          APP_URL: apps[0]!,
        },
      );
    await Promise.all(
      apps.map((url) =>
        waitFor(`${url} to answer`, async () => ((await fetch(`${url}/api/ping`)).ok ? true : undefined)),
      ),
    );

    // Set up through the domain, in this process, on the same server (the app's own code).
    Object.assign(process.env, { ...base, APP_URL: apps[0]!, NODE_ENV: "production" });
    const { db } = await import("@/db");
    const { seedDemo } = await import("@/db/seed");
    const schema = await import("@/db/schema");
    const { eq, sql, inArray } = await import("drizzle-orm");
    const { createSession } = await import("@/server/sessions/create-session");
    const { inviteCustomers } = await import("@/server/invitations/invite-customers");
    const { enqueueJob } = await import("@/server/jobs/queue");
    const { loadStaffActor } = await import("@/server/staff/load-staff-actor");
    const { REMINDER_JOB } = await import("@/server/reminders/schedule-reminders");
    await seedDemo(db);
    const smtpBaseline = smtp.received.length;
    const seedMails = await waitFor("the demo data's mail to drain", async () => {
      const [p] = await db
        .select({ n: sql<number>`count(*)` })
        .from(schema.outbox)
        .where(eq(schema.outbox.status, "pending"));
      return Number(p?.n) === 0 ? smtp.received.length : undefined;
    });
    const u = await db.query.users.findFirst({
      where: eq(schema.users.email, "facilitator@northwind.example"),
    });
    const facilitator = (await loadStaffActor(db, u!.id))!;
    const startsAt = new Date(Date.now() + 3 * 86400_000);
    const sessionIds: string[] = [];
    const customerIds: string[][] = [];
    for (let s = 0; s < SESSIONS; s++) {
      const { id } = await createSession(facilitator, {
        title: `Load simulation ${s + 1}`,
        description: "",
        format: "panel",
        startsAtLocal: startsAt.toISOString().slice(0, 16),
        timeZone: "UTC",
        durationMinutes: 45,
        seats: SEATS,
        observersHidden: true,
      });
      sessionIds.push(id);
      const rows = await db
        .insert(schema.customers)
        .values(
          Array.from({ length: INVITEES }, (_, i) => ({
            name: `Load ${s}-${i}`,
            email: `load-${s}-${i}@example.com`,
            language: "en" as const,
            timeZone: "UTC",
            tags: ["load"],
          })),
        )
        .returning({ id: schema.customers.id });
      customerIds.push(rows.map((r) => r.id));
    }
    const tInvite = performance.now();
    await Promise.all(
      sessionIds.map((sessionId, s) =>
        inviteCustomers(facilitator, { sessionId, customerIds: customerIds[s]! }),
      ),
    );
    const invitations = SESSIONS * INVITEES;
    await smtp.waitForReceived(seedMails + invitations, 180_000);
    figures.push(
      `invitations: ${invitations} emails delivered by 2 workers in ${((performance.now() - tInvite) / 1000).toFixed(1)} s`,
    );
    const links = smtp.received
      .slice(smtpBaseline)
      .filter((m) => m.to.includes("load-"))
      .map((m) => /\/i\/([A-Za-z0-9_-]+)/.exec(m.text ?? "")?.[1])
      .filter((t): t is string => Boolean(t));
    check(
      links.length === invitations,
      `each invitee got one invitation link (${links.length}/${invitations})`,
    );

    // RSVPs: every invitee accepts, half of them twice, spread over both instances at once.
    // A "busy, try again" answer (the database stayed locked past the wait) is retried after a
    // pause, as the person would; it is counted, and nothing was saved by it.
    let busyAnswers = 0;
    const rsvpTasks = [...links, ...links.filter((_, i) => i % 2 === 0)].map((token, i) => async () => {
      for (let attempt = 0; ; attempt++) {
        const outcome = await rsvp(apps[(i + attempt) % 2]!, token, `10.0.${(i >> 8) & 255}.${i & 255}`);
        if (outcome !== "busy" || attempt === 3) return outcome;
        busyAnswers++;
        await new Promise((r) => setTimeout(r, 2000));
      }
    });
    const r = await bounded(CONCURRENCY, rsvpTasks);
    const outcomes = tally(r.results);
    figures.push(
      `RSVPs: ${rsvpTasks.length} posts (${links.length} invitees, ${rsvpTasks.length - links.length} repeated) in ${r.seconds.toFixed(1)} s, ${r.rate.toFixed(1)}/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms (each: link, page, post) — ${JSON.stringify(outcomes)}, ${busyAnswers} "busy, try again" answers retried`,
    );
    const counts = await db
      .select({
        sessionId: schema.invitations.sessionId,
        status: schema.invitations.status,
        n: sql<number>`count(*)`,
      })
      .from(schema.invitations)
      .where(inArray(schema.invitations.sessionId, sessionIds))
      .groupBy(schema.invitations.sessionId, schema.invitations.status);
    let accepted = 0;
    for (const id of sessionIds) {
      const a = Number(counts.find((c) => c.sessionId === id && c.status === "accepted")?.n ?? 0);
      const w = Number(counts.find((c) => c.sessionId === id && c.status === "waitlisted")?.n ?? 0);
      accepted += a;
      check(
        a <= SEATS,
        `capacity: session ${sessionIds.indexOf(id) + 1} has ${a} accepted for ${SEATS} seats, ${w} waitlisted`,
      );
      check(
        a + w === INVITEES,
        `no RSVP lost in session ${sessionIds.indexOf(id) + 1}: ${a + w} of ${INVITEES} answered`,
      );
    }
    check((outcomes.answered ?? 0) === rsvpTasks.length, `every RSVP post was answered (no busy, no error)`);

    // Reminder jobs: each session's day-before reminder queued twice under different keys (a
    // double schedule), due now; the two workers race for them.
    const tRemind = performance.now();
    for (const [i, sessionId] of sessionIds.entries())
      for (const copy of ["a", "b"])
        await enqueueJob(db, {
          kind: REMINDER_JOB,
          payload: {
            sessionId,
            reminder: "day_before",
            startsAt: startsAt.getTime() - (startsAt.getTime() % 60_000),
          },
          dedupeKey: `load:${i}:${copy}`,
        });
    const expectedMails = seedMails + invitations + accepted;
    await smtp.waitForReceived(expectedMails, 180_000);
    figures.push(
      `reminders: ${accepted} emails (one per booked invitee) delivered in ${((performance.now() - tRemind) / 1000).toFixed(1)} s from ${SESSIONS * 2} jobs`,
    );

    // Survey submits: each link answered twice, through both instances at once.
    const ended = await db.query.sessions.findFirst({ where: eq(schema.sessions.status, "ended") });
    const tokens = Array.from({ length: SURVEYS }, () => randomBytes(32).toString("base64url"));
    const surveyRows = tokens.map((t) => ({
      sessionId: ended!.id,
      invitationId: null,
      tokenHash: createHash("sha256").update(t).digest("hex"),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      sentAt: new Date(),
    }));
    for (let i = 0; i < surveyRows.length; i += 200)
      await db.insert(schema.surveys).values(surveyRows.slice(i, i + 200));
    const submit = (token: string, i: number) => async () => {
      const res = await fetch(`${apps[i % 2]}/api/survey-response`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `im_srv=${token}` },
        body: JSON.stringify({
          answers: { csat: 1 + (i % 5), nps: i % 11, comment: `Load ${i % SURVEYS}` },
          final: true,
        }),
      });
      return res.status;
    };
    const surveyTasks = [...tokens.map((t, i) => submit(t, i)), ...tokens.map((t, i) => submit(t, i + 1))];
    const sv = await bounded(CONCURRENCY, surveyTasks);
    const statuses = tally(sv.results.map(String));
    figures.push(
      `survey submits: ${surveyTasks.length} posts (${SURVEYS} links, each twice) in ${sv.seconds.toFixed(1)} s, ${sv.rate.toFixed(0)}/s, p50 ${sv.p50.toFixed(0)} ms, p99 ${sv.p99.toFixed(0)} ms — ${JSON.stringify(statuses)}`,
    );
    const [stored] = await db
      .select({
        n: sql<number>`count(*)`,
        distinct: sql<number>`count(distinct ${schema.surveyResponses.surveyId})`,
      })
      .from(schema.surveyResponses)
      .innerJoin(schema.surveys, eq(schema.surveys.id, schema.surveyResponses.surveyId))
      .where(
        inArray(
          schema.surveys.tokenHash,
          surveyRows.map((s) => s.tokenHash),
        ),
      );
    check(
      Number(stored?.n) === SURVEYS && Number(stored?.distinct) === SURVEYS,
      `survey responses: ${stored?.n} stored for ${SURVEYS} links (0 lost, 0 duplicated)`,
    );
    check(
      (statuses["201"] ?? 0) === SURVEYS && (statuses["200"] ?? 0) === SURVEYS,
      `each link: one 201 (saved) and one 200 (kept the first)`,
    );

    // Emails: exactly once each, and the outbox agrees with the SMTP server.
    const [box] = await db
      .select({
        sent: sql<number>`sum(case when status = 'sent' then 1 else 0 end)`,
        other: sql<number>`sum(case when status != 'sent' then 1 else 0 end)`,
      })
      .from(schema.outbox);
    const received = smtp.received.length;
    const ids = new Set(smtp.received.map((m) => m.messageId));
    const perRecipientKind = new Map<string, number>();
    for (const m of smtp.received.slice(smtpBaseline)) {
      if (!m.to.includes("load-")) continue;
      const key = `${m.to}|${/remind|tomorrow/i.test(m.subject) ? "reminder" : "invitation"}`;
      perRecipientKind.set(key, (perRecipientKind.get(key) ?? 0) + 1);
    }
    const dupes = [...perRecipientKind.values()].filter((n) => n > 1).length;
    check(
      received === expectedMails,
      `SMTP received ${received} emails, expected ${expectedMails} (${seedMails} demo + ${invitations} invitations + ${accepted} reminders)`,
    );
    check(
      ids.size === received && dupes === 0,
      `no email twice: ${ids.size} distinct Message-IDs, ${dupes} recipient+kind duplicates`,
    );
    check(
      Number(box?.sent) === received && Number(box?.other) === 0,
      `outbox: ${box?.sent} sent, ${box?.other} pending or dead`,
    );
    const [deliveries] = await db
      .select({ n: sql<number>`count(*)` })
      .from(schema.reminderDeliveries)
      .innerJoin(schema.invitations, eq(schema.invitations.id, schema.reminderDeliveries.invitationId))
      .where(inArray(schema.invitations.sessionId, sessionIds));
    check(
      Number(deliveries?.n) === accepted,
      `reminder deliveries: ${deliveries?.n} rows for ${accepted} booked`,
    );
    const [jobsLeft] = await db
      .select({ n: sql<number>`count(*)` })
      .from(schema.jobs)
      .where(sql`${schema.jobs.dedupeKey} like 'load:%' and ${schema.jobs.status} != 'done'`);
    check(Number(jobsLeft?.n) === 0, `reminder jobs: all ${SESSIONS * 2} done, each by one worker`);
    // Sizes for the capacity plan: what one email and the whole database weigh.
    const [mail] = await db
      .select({ avg: sql<number>`avg(length(text) + length(html) + length(attachments))` })
      .from(schema.outbox);
    const [pages] = await db.all<{ n: number }>(
      sql`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`,
    );
    const [rowsNow] = await db.select({ n: sql<number>`count(*)` }).from(schema.invitations);
    figures.push(
      `sizes: an outbox row averages ${(Number(mail?.avg) / 1024).toFixed(1)} KiB (bodies and calendar file); the database is ${(Number(pages?.n) / 1e6).toFixed(1)} MB with ${rowsNow?.n} invitations, ${received} emails, ${SURVEYS} survey responses and the demo data`,
    );
    const errors = procs.flatMap((p) =>
      p
        .output()
        .split("\n")
        .filter((l) => /"level":"(error|fatal)"/.test(l))
        .map((l) => `${p.name}: ${l.slice(0, 300)}`),
    );
    check(
      errors.length === 0,
      `no error logged by any process (${errors.length})${errors.length ? `\n${errors.slice(0, 5).join("\n")}` : ""}`,
    );
  } finally {
    for (const p of procs) {
      try {
        if (p.child.pid && p.child.exitCode === null) process.kill(-p.child.pid, "SIGTERM");
      } catch {}
    }
    await Promise.allSettled([smtp.close(), sqld.close()]);
  }
  console.log(
    [
      `== load simulation: 2 × next start, 2 × worker, 1 × sqld (${SESSIONS} sessions × ${SEATS} seats, ${INVITEES} invitees each; ${SURVEYS} surveys; concurrency ${CONCURRENCY})`,
      ...figures,
      ...failures,
    ].join("\n"),
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  for (const p of procs) {
    console.error(`--- ${p.name}\n${p.output().slice(-3000)}`);
    try {
      if (p.child.pid) process.kill(-p.child.pid, "SIGKILL");
    } catch {}
  }
  process.exit(1);
});
