// The dashboard bench's database: the demo data plus 1,000,000 survey responses, 200,000 tagged
// notes, two years of sessions and 10,000 actions over 40 reason codes. Generated once into
// tests/.artifacts/bench/ (a cached step: `run.ts dashboard-data`), reused by every later run
// until GENERATOR_VERSION changes. Raw multi-row INSERTs in large transactions: the fast path.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { Client, InStatement } from "@libsql/client";
import { sql } from "drizzle-orm";
import { openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { rebuildRollups } from "@/db/rollups-rebuild";
import { seedDemo } from "@/db/seed";
import { LANGUAGES } from "@/lib/domain/languages";
import { SESSION_FORMATS } from "@/lib/domain/sessions";
import { seededRandom } from "@/lib/stats/random";

// 2: migrations renumbered on main (a cached file from before would not migrate).
const GENERATOR_VERSION = 2;
export const SIZES = {
  responses: 1_000_000,
  unanswered: 150_000,
  notes: 200_000,
  actions: 10_000,
  reasonCodes: 40,
  customers: 20_000,
  invitedSurveys: 200_000,
  days: 730,
};
const DAY = 86_400_000;
const DIR = path.resolve("tests/.artifacts/bench");
export const DASHBOARD_BENCH_DB = path.join(DIR, `dashboard-v${GENERATOR_VERSION}.db`);

type Row = (string | number | null)[];

/** INSERTs of `columns`, 400 rows a statement, in one write transaction per call. */
async function insertRows(client: Client, table: string, columns: string[], rows: Row[]) {
  const per = Math.max(1, Math.floor(30_000 / columns.length / 1.2));
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += Math.min(per, 400)) {
    const chunk = rows.slice(i, i + Math.min(per, 400));
    const placeholders = chunk.map(() => `(${columns.map(() => "?").join(",")})`).join(",");
    statements.push({
      sql: `INSERT INTO ${table} (${columns.join(",")}) VALUES ${placeholders}`,
      args: chunk.flat(),
    });
  }
  await client.batch(statements, "write");
}

/** Fills `url` (a fresh file) and returns how long each part took. */
async function generate(url: string, now: Date): Promise<string[]> {
  const timings: string[] = [];
  const { db, client } = openDb(url);
  const step = async (label: string, work: () => Promise<void>) => {
    const t = performance.now();
    await work();
    timings.push(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await step("migrate + demo seed", async () => {
    await migrateDatabase(db);
    await seedDemo(db, { now });
  });
  // Bulk loading: the journal on a scratch file need not be durable; the file is thrown away if
  // the generator dies, and only renamed into place once complete.
  await client.execute("PRAGMA synchronous = OFF");
  const random = seededRandom(424_242);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const nowMs = now.getTime();
  const facilitator = (await client.execute("SELECT id FROM users WHERE role = 'facilitator' LIMIT 1"))
    .rows[0]?.id as string;
  const staff = (await client.execute("SELECT id FROM users")).rows.map((r) => r.id as string);
  const departments = (await client.execute("SELECT id FROM departments")).rows.map((r) => r.id as string);

  const codeIds: string[] = (await client.execute("SELECT id FROM reason_codes WHERE active = 1")).rows.map(
    (r) => r.id as string,
  );
  await step("reason codes", async () => {
    const have = Number((await client.execute("SELECT max(number) AS n FROM reason_codes")).rows[0]?.n ?? 0);
    const total = Number((await client.execute("SELECT count(*) AS n FROM reason_codes")).rows[0]?.n ?? 0);
    const rows: Row[] = [];
    for (let i = 0; i < SIZES.reasonCodes - total; i++) {
      const id = crypto.randomUUID();
      codeIds.push(id);
      rows.push([id, have + 1 + i, `Bench reason ${have + 1 + i}`, "", 1, nowMs]);
    }
    if (rows.length)
      await insertRows(
        client,
        "reason_codes",
        ["id", "number", "label", "example", "active", "created_at"],
        rows,
      );
  });
  // A skewed spread: the first codes are heard far more often (roughly Zipf).
  const weights = codeIds.map((_, i) => 1 / (i + 1) ** 0.9);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickCode = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] ?? 0;
      if (r <= 0) return codeIds[i] as string;
    }
    return codeIds[0] as string;
  };

  const sessionIds: { id: string; startsAt: number }[] = [];
  await step("sessions (2 years, 3 a day)", async () => {
    const rows: Row[] = [];
    for (let d = SIZES.days; d >= 1; d--) {
      for (let k = 0; k < 3; k++) {
        const id = crypto.randomUUID();
        const startsAt = nowMs - d * DAY + (9 + k * 3) * 3_600_000;
        sessionIds.push({ id, startsAt });
        rows.push([
          id,
          `Bench session ${d}-${k}`,
          pick(SESSION_FORMATS),
          "ended",
          startsAt,
          "UTC",
          facilitator,
          `im_${id}`,
          startsAt - 30 * DAY,
        ]);
      }
    }
    await insertRows(
      client,
      "sessions",
      [
        "id",
        "title",
        "format",
        "status",
        "starts_at",
        "time_zone",
        "facilitator_id",
        "room_name",
        "created_at",
      ],
      rows,
    );
  });

  const customerIds: { id: string; language: string }[] = [];
  await step("customers", async () => {
    const segments = ["residential", "business", "vulnerable", "small_business", null];
    const rows: Row[] = [];
    for (let i = 0; i < SIZES.customers; i++) {
      const id = crypto.randomUUID();
      const language = random() < 0.7 ? "en" : random() < 0.5 ? "zh" : "vi";
      customerIds.push({ id, language });
      rows.push([
        id,
        `Bench Customer ${i}`,
        `bench-${i}@example.test`,
        language,
        "UTC",
        "[]",
        pick(segments),
        "email",
        nowMs,
      ]);
    }
    await insertRows(
      client,
      "customers",
      ["id", "name", "email", "language", "time_zone", "tags", "segment", "contact_preference", "created_at"],
      rows,
    );
  });

  await step(`surveys and ${SIZES.responses.toLocaleString("en")} responses (+ invitations)`, async () => {
    const total = SIZES.responses + SIZES.unanswered;
    const perSession = Math.ceil(total / sessionIds.length);
    const invitedEvery = Math.round(total / SIZES.invitedSurveys);
    let answered = 0;
    let made = 0;
    let invitations: Row[] = [];
    let surveys: Row[] = [];
    let responses: Row[] = [];
    const flush = async () => {
      if (invitations.length)
        await insertRows(
          client,
          "invitations",
          ["id", "session_id", "customer_id", "status", "token_hash", "token_expires_at", "created_at"],
          invitations,
        );
      await insertRows(
        client,
        "surveys",
        ["id", "session_id", "invitation_id", "token_hash", "token_expires_at", "sent_at", "created_at"],
        surveys,
      );
      await insertRows(
        client,
        "survey_responses",
        ["id", "survey_id", "session_id", "csat", "nps", "comment", "language", "created_at"],
        responses,
      );
      invitations = [];
      surveys = [];
      responses = [];
    };
    for (const s of sessionIds) {
      // Satisfaction drifts with the seasons, so the trends have a shape.
      const quality = 0.55 + 0.2 * Math.sin(s.startsAt / (60 * DAY));
      const used = new Set<number>();
      for (let k = 0; k < perSession && made < total; k++, made++) {
        const sentAt = s.startsAt + 2 * 3_600_000;
        const surveyId = crypto.randomUUID();
        let invitationId: string | null = null;
        let language = pick(LANGUAGES);
        if (made % invitedEvery === 0) {
          let c = Math.floor(random() * customerIds.length);
          while (used.has(c)) c = (c + 1) % customerIds.length;
          used.add(c);
          const customer = customerIds[c] as { id: string; language: string };
          invitationId = crypto.randomUUID();
          language = customer.language as (typeof LANGUAGES)[number];
          invitations.push([
            invitationId,
            s.id,
            customer.id,
            "attended",
            `bench-${invitationId}`,
            sentAt,
            s.startsAt - 20 * DAY,
          ]);
        }
        surveys.push([surveyId, s.id, invitationId, `bench-${surveyId}`, sentAt + 30 * DAY, sentAt, sentAt]);
        if (answered < SIZES.responses && random() < SIZES.responses / total + 0.02) {
          answered++;
          const csat = random() < quality ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
          const nps = csat >= 4 ? 7 + Math.floor(random() * 4) : Math.floor(random() * 8);
          const comment = random() < 0.05 ? "Bench comment about the service." : null;
          responses.push([
            crypto.randomUUID(),
            surveyId,
            s.id,
            csat,
            nps,
            comment,
            language,
            sentAt + Math.floor(random() * 5 * DAY),
          ]);
        }
      }
      if (surveys.length >= 50_000) await flush();
    }
    await flush();
    timings.push(`  (${answered.toLocaleString("en")} responses, ${made.toLocaleString("en")} surveys)`);
  });

  await step(`${SIZES.notes.toLocaleString("en")} tagged notes`, async () => {
    let notes: Row[] = [];
    let links: Row[] = [];
    for (let i = 0; i < SIZES.notes; i++) {
      const s = pick(sessionIds);
      const id = crypto.randomUUID();
      const createdAt = s.startsAt + Math.floor(random() * 2700_000);
      notes.push([
        id,
        s.id,
        pick(staff),
        random() < 0.5 ? "quote" : "summary",
        "Bench note.",
        Math.floor(random() * 2700),
        "neutral",
        "unknown",
        pick(departments),
        null,
        createdAt,
      ]);
      const first = pickCode();
      links.push([id, first]);
      if (random() < 0.3) {
        const second = pickCode();
        if (second !== first) links.push([id, second]);
      }
      if (notes.length >= 20_000) {
        await insertRows(
          client,
          "room_notes",
          [
            "id",
            "session_id",
            "author_id",
            "kind",
            "text",
            "at_seconds",
            "emotion",
            "contact",
            "department_id",
            "customer_id",
            "created_at",
          ],
          notes,
        );
        await insertRows(client, "room_note_reason_codes", ["note_id", "reason_code_id"], links);
        notes = [];
        links = [];
      }
    }
    if (notes.length) {
      await insertRows(
        client,
        "room_notes",
        [
          "id",
          "session_id",
          "author_id",
          "kind",
          "text",
          "at_seconds",
          "emotion",
          "contact",
          "department_id",
          "customer_id",
          "created_at",
        ],
        notes,
      );
      await insertRows(client, "room_note_reason_codes", ["note_id", "reason_code_id"], links);
    }
  });

  await step(`${SIZES.actions.toLocaleString("en")} actions (+ insights, events)`, async () => {
    const insights: Row[] = [];
    const insightCodes: Row[] = [];
    for (let i = 0; i < 200; i++) {
      const id = crypto.randomUUID();
      insights.push([
        id,
        `Bench insight ${i}`,
        "",
        pick(["value", "irritant"]),
        pick(["value", "irritant"]),
        Math.floor(random() * 400),
        6,
        28,
        Math.floor(random() * 20),
        900,
        facilitator,
        nowMs - Math.floor(random() * SIZES.days) * DAY,
      ]);
      insightCodes.push([id, codeIds[i % codeIds.length] as string]);
    }
    await insertRows(
      client,
      "insights",
      [
        "id",
        "title",
        "summary",
        "customer_axis",
        "company_axis",
        "contacts_per_month",
        "handling_minutes",
        "hourly_cost",
        "customers_at_risk",
        "lifetime_value",
        "created_by_id",
        "created_at",
      ],
      insights,
    );
    await insertRows(client, "insight_reason_codes", ["insight_id", "reason_code_id"], insightCodes);
    const actions: Row[] = [];
    const events: Row[] = [];
    for (let i = 0; i < SIZES.actions; i++) {
      const id = crypto.randomUUID();
      const createdAt = nowMs - Math.floor(random() * SIZES.days) * DAY;
      const deadline = createdAt + (7 + Math.floor(random() * 50)) * DAY;
      const r = random();
      const status =
        createdAt > nowMs - 60 * DAY && r < 0.5
          ? r < 0.3
            ? "open"
            : "in_progress"
          : r < 0.8
            ? "done"
            : "verified";
      const doneAt =
        status === "done" || status === "verified" ? createdAt + Math.floor(random() * 70) * DAY : null;
      const owner = pick(staff);
      actions.push([
        id,
        (pick(insights) as Row)[0] as string,
        pick(departments),
        owner,
        `Bench action ${i}`,
        status,
        deadline,
        doneAt,
        status === "verified" && doneAt ? doneAt + DAY : null,
        createdAt,
      ]);
      events.push([crypto.randomUUID(), id, owner, null, "open", null, createdAt]);
      if (doneAt) events.push([crypto.randomUUID(), id, owner, "in_progress", "done", null, doneAt]);
      if (random() < 0.08)
        events.push([
          crypto.randomUUID(),
          id,
          facilitator,
          "done",
          "open",
          "Reopened",
          (doneAt ?? createdAt) + DAY,
        ]);
    }
    await insertRows(
      client,
      "actions",
      [
        "id",
        "insight_id",
        "department_id",
        "owner_id",
        "title",
        "status",
        "deadline",
        "done_at",
        "verified_at",
        "created_at",
      ],
      actions,
    );
    await insertRows(
      client,
      "action_events",
      ["id", "action_id", "actor_id", "from_status", "to_status", "note", "created_at"],
      events,
    );
  });

  await step("rollups from the raw rows", async () => {
    await db.transaction((tx) => rebuildRollups(tx));
  });
  await step("ANALYZE", async () => {
    await db.run(sql`ANALYZE`);
  });
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  return timings;
}

/** The cached bench database: generated the first time (minutes), reused after (instant). */
export async function ensureDashboardBenchDb(): Promise<{ file: string; report: string[] }> {
  if (existsSync(DASHBOARD_BENCH_DB))
    return {
      file: DASHBOARD_BENCH_DB,
      report: [`- reused the cached ${path.relative(process.cwd(), DASHBOARD_BENCH_DB)}`],
    };
  mkdirSync(DIR, { recursive: true });
  const scratch = `${DASHBOARD_BENCH_DB}.partial`;
  for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const timings = await generate(`file:${scratch}`, new Date());
  for (const suffix of ["-wal", "-shm"]) rmSync(`${scratch}${suffix}`, { force: true });
  renameSync(scratch, DASHBOARD_BENCH_DB);
  const total = ((performance.now() - started) / 1000).toFixed(0);
  return {
    file: DASHBOARD_BENCH_DB,
    report: [`- generated in ${total} s:`, ...timings.map((t) => `  - ${t}`)],
  };
}
