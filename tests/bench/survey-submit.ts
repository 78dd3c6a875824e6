// Survey submit through the whole stack (HTTP → Next route → entry kit → zod → domain → libSQL,
// durable with synchronous=FULL), against two references measured in the same run: GET /api/ping
// (the framework's floor) and POST /api/ping (the submit's shape — cookie, JSON, the same zod
// schema — without the database). Several short rounds, the routes interleaved and their order
// rotated, so a noisy neighbour hurts every route alike; the ratio is the median of the rounds.
// Only 2xx answers count, and every acknowledged submit must be a stored row, counted afterwards.
import { createHash, randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { eq, inArray, isNotNull, sql } from "drizzle-orm";
import { CONNECTION_PRAGMAS } from "@/db/connection";
import { sessions, surveyResponses, surveys } from "@/db/schema";
import type { AppServer } from "../support/app-server";

const CONNECTIONS = 64;
const ROUND_SECONDS = 3;
const ROUNDS = 5;
const FINAL_TOKENS = 60_000;
const DRAFT_TOKENS = 20_000;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const ok = (r: autocannon.Result) => r["2xx"] / ((r.finish.getTime() - r.start.getTime()) / 1000);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

async function makeSurveys(app: AppServer, sessionId: string, n: number) {
  const tokens: string[] = [];
  const rows = Array.from({ length: n }, () => {
    const token = randomBytes(32).toString("base64url");
    tokens.push(token);
    return {
      sessionId,
      invitationId: null,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      sentAt: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await app.db.insert(surveys).values(rows.slice(i, i + 500));
  return { tokens, hashes: rows.map((r) => r.tokenHash) };
}

export async function benchSurveySubmit(app: AppServer): Promise<string[]> {
  const session = await app.db.query.sessions.findFirst({ where: eq(sessions.status, "ended") });
  if (!session) throw new Error("the demo data has no ended session");
  // Surveys without a template version answer the classic form (CSAT, NPS, a comment).
  const finals = await makeSurveys(app, session.id, FINAL_TOKENS);
  const drafts = await makeSurveys(app, session.id, DRAFT_TOKENS);

  let nextFinal = 0;
  let nextDraft = 0;
  let nextRef = 0;
  const body = (n: number, final: boolean) =>
    JSON.stringify({
      answers: final
        ? { csat: 1 + (n % 5), nps: n % 11, comment: `Bench comment ${n} — 很好 — rất tốt` }
        : { csat: 1 + (n % 5), comment: `Half way ${n}` },
      final,
    });
  const post = (url: string, next: () => { cookie: string; body: string }): autocannon.Options => ({
    url,
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const n = next();
          return { ...req, headers: { "content-type": "application/json", cookie: n.cookie }, body: n.body };
        },
      },
    ],
  });
  const routes: Record<string, autocannon.Options> = {
    ping: { url: `${app.url}/api/ping`, connections: CONNECTIONS, duration: ROUND_SECONDS },
    reference: post(`${app.url}/api/ping`, () => {
      const n = nextRef++;
      return { cookie: `im_srv=${finals.tokens[n % FINAL_TOKENS]}`, body: body(n, true) };
    }),
    submit: post(`${app.url}/api/survey-response`, () => {
      const n = nextFinal++;
      if (n >= FINAL_TOKENS) throw new Error("the bench ran out of fresh survey links");
      return { cookie: `im_srv=${finals.tokens[n]}`, body: body(n, true) };
    }),
    partial: post(`${app.url}/api/survey-response`, () => {
      const n = nextDraft++;
      return { cookie: `im_srv=${drafts.tokens[n % DRAFT_TOKENS]}`, body: body(n, false) };
    }),
  };

  // Warm every route so compilation and caches are not measured (warm-up submits use links too).
  for (const [name, opts] of Object.entries(routes))
    await run({ ...opts, connections: 4, duration: undefined, amount: name === "submit" ? 200 : 400 });
  const warmSubmits = nextFinal;
  const before = (await app.db.select({ n: sql<number>`count(*)` }).from(surveyResponses))[0]?.n ?? 0;

  const names = Object.keys(routes);
  const per: Record<string, autocannon.Result[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] as string);
    for (const name of order) per[name]?.push(await run(routes[name] as autocannon.Options));
  }

  const after = (await app.db.select({ n: sql<number>`count(*)` }).from(surveyResponses))[0]?.n ?? 0;
  const draftRows =
    (
      await app.db
        .select({ n: sql<number>`count(*)` })
        .from(surveys)
        .where(inArray(surveys.tokenHash, drafts.hashes.slice(0, Math.min(nextDraft, DRAFT_TOKENS))))
    )[0]?.n ?? 0;
  const draftsSaved =
    (await app.db.select({ n: sql<number>`count(*)` }).from(surveys).where(isNotNull(surveys.draft)))[0]?.n ??
    0;
  const sum = (name: string, f: (r: autocannon.Result) => number) =>
    (per[name] ?? []).reduce((s, r) => s + f(r), 0);
  const rps = (name: string) => (per[name] ?? []).map(ok);
  const ratios = (a: string, b: string) => rps(a).map((x, i) => x / (rps(b)[i] ?? Number.NaN));
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(2)}× (rounds ${xs.map((x) => x.toFixed(2)).join(", ")}; spread ${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
  const line = (name: string) =>
    `${name}: median ${median(rps(name)).toFixed(0)} 2xx/s; ${sum(name, (r) => r["2xx"])} 2xx, ${sum(name, (r) => r.non2xx)} non-2xx, ${sum(name, (r) => r.errors + r.timeouts)} errors/timeouts; p99 ${Math.max(...(per[name] ?? []).map((r) => r.latency.p99))} ms`;
  const acked = sum("submit", (r) => r["2xx"]);
  const stored = after - before;
  const submitRatio = median(ratios("submit", "reference"));
  return [
    `${CONNECTIONS} connections, ${ROUNDS} rounds × ${ROUND_SECONDS} s per route, order rotated each round; ${CONNECTION_PRAGMAS.filter((p) => /synchronous/.test(p)).join()} on every connection`,
    line("ping"),
    line("reference"),
    line("submit"),
    line("partial"),
    `submit / POST reference: ${fmt(ratios("submit", "reference"))} — goal ≥ 0.90× ${submitRatio >= 0.9 ? "OK" : "BELOW GOAL"}`,
    `partial save / POST reference: ${fmt(ratios("partial", "reference"))}`,
    `POST reference / GET ping: ${fmt(ratios("reference", "ping"))}`,
    `submit / GET ping: ${fmt(ratios("submit", "ping"))}`,
    `durability: ${stored} responses stored for ${acked} acknowledged submits (+${warmSubmits} warm-up links) ${stored >= acked ? "(none lost)" : "(LOST WRITES)"}`,
    `partial saves: ${draftsSaved} surveys hold a saved draft (${Math.min(nextDraft, DRAFT_TOKENS)} distinct links asked, ${draftRows} found)`,
  ];
}
