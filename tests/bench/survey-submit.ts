// Survey submit through the whole stack (HTTP → Next route → zod → domain → libSQL, durable with
// synchronous=FULL), as a ratio of the app's own trivial route measured in the same run.
import { createHash, randomBytes } from "node:crypto";
import autocannon from "autocannon";
import { eq, inArray, sql } from "drizzle-orm";
import { sessions, surveyResponses, surveys } from "@/db/schema";
import type { AppServer } from "../support/app-server";

const CONNECTIONS = 16;
const SECONDS = 8;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function benchSurveySubmit(app: AppServer): Promise<string[]> {
  const session = await app.db.query.sessions.findFirst({ where: eq(sessions.status, "ended") });
  if (!session) throw new Error("the demo data has no ended session");
  const tokens: string[] = [];
  const rows = Array.from({ length: 20_000 }, () => {
    const token = randomBytes(32).toString("base64url");
    tokens.push(token);
    return {
      sessionId: session.id,
      invitationId: null,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      tokenExpiresAt: new Date(Date.now() + 86400_000),
      sentAt: new Date(),
    };
  });
  for (let i = 0; i < rows.length; i += 500) await app.db.insert(surveys).values(rows.slice(i, i + 500));
  const ids = (
    await app.db
      .select({ id: surveys.id })
      .from(surveys)
      .where(inArray(surveys.tokenHash, rows.map((r) => r.tokenHash).slice(0, 1)))
  ).length;
  if (!ids) throw new Error("bench surveys were not stored");

  // Warm both routes so compilation and caches are not measured.
  await run({ url: `${app.url}/api/ping`, connections: 4, amount: 200 });
  const reference = await run({ url: `${app.url}/api/ping`, connections: CONNECTIONS, duration: SECONDS });

  let next = 0;
  const before = await app.db.select({ n: sql<number>`count(*)` }).from(surveyResponses);
  const submit = await run({
    url: `${app.url}/api/survey-response`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({
          ...req,
          headers: { "content-type": "application/json", cookie: `im_srv=${tokens[next++ % tokens.length]}` },
          body: JSON.stringify({
            csat: 1 + (next % 5),
            nps: next % 11,
            comment: `Bench comment ${next} — 很好 — rất tốt`,
          }),
        }),
      },
    ],
  });
  const after = await app.db.select({ n: sql<number>`count(*)` }).from(surveyResponses);
  const stored = (after[0]?.n ?? 0) - (before[0]?.n ?? 0);
  const ok = submit["2xx"];
  const ratio = submit.requests.average / reference.requests.average;
  return [
    `trivial route GET /api/ping: ${reference.requests.average.toFixed(0)} req/s (p99 ${reference.latency.p99} ms, ${reference.non2xx} non-2xx)`,
    `survey submit POST /api/survey-response: ${submit.requests.average.toFixed(0)} req/s (p99 ${submit.latency.p99} ms, ${ok} 2xx, ${submit.non2xx} non-2xx, ${submit.errors} errors)`,
    `survey submit / trivial route: ${ratio.toFixed(2)}× (budget ≥ 0.80×) ${ratio >= 0.8 ? "OK" : "BELOW BUDGET"}`,
    `durability: ${stored} responses stored for ${ok} acknowledged submits ${stored >= ok ? "(none lost)" : "(LOST WRITES)"}`,
  ];
}
