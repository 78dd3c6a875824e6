// RELIABILITY.md, "Database": the production server is killed with SIGKILL in the middle of a
// burst of survey submits, several times over. After each kill, before anything else opens the
// files, Debian's sqlite3 runs `PRAGMA integrity_check` on them, and every submit the server had
// acknowledged (a 201) must be a stored row. Then the server starts again on the same files.
// The figures (acknowledged, present, committed in flight) are printed for the closing note.
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { sessions, surveyResponses, surveys } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { type NextServer, startNextServer } from "../support/app-server";
import { freePort } from "../support/ports";

const ROUNDS = 5;
const PER_ROUND = 400;
const CONCURRENCY = 16;

const dir = mkdtempSync(path.join(tmpdir(), "immersion-kill-"));
const file = path.join(dir, "app.db");
let db: Db;
let client: { close(): void };
let sessionId = "";
let server: NextServer | undefined;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

async function makeSurveys(n: number): Promise<string[]> {
  const tokens = Array.from({ length: n }, () => randomBytes(32).toString("base64url"));
  const rows = tokens.map((t) => ({
    sessionId,
    invitationId: null,
    tokenHash: hash(t),
    tokenExpiresAt: new Date(Date.now() + 86400_000),
    sentAt: new Date(),
  }));
  for (let i = 0; i < rows.length; i += 200) await db.insert(surveys).values(rows.slice(i, i + 200));
  return tokens;
}

/** Posts the tokens' answers, CONCURRENCY at a time, until the server goes away; the acknowledged. */
async function burst(url: string, tokens: string[], onAck: (n: number) => void) {
  const acked: string[] = [];
  let next = 0;
  const lane = async () => {
    while (next < tokens.length) {
      const token = tokens[next++] as string;
      const res = await fetch(`${url}/api/survey-response`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: `im_srv=${token}` },
        body: JSON.stringify({ answers: { csat: 4, nps: 9, comment: `kill test ${token}` }, final: true }),
      }).catch(() => null);
      if (!res) return; // the server is gone: this lane stops
      if (res.status === 201) {
        acked.push(token);
        onAck(acked.length);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return acked;
}

beforeAll(async () => {
  ({ db, client } = openDb(`file:${file}`));
  await migrateDatabase(db);
  await seedDemo(db);
  const ended = await db.query.sessions.findFirst({ where: eq(sessions.status, "ended") });
  sessionId = ended!.id;
});

afterAll(async () => {
  server?.kill("SIGKILL");
  await server?.exited;
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 during a burst of writes", () => {
  it(`keeps the database intact and every acknowledged write, ${ROUNDS} times`, async () => {
    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const tokens = await makeSurveys(PER_ROUND);
      const port = await freePort();
      server = await startNextServer(port, {
        IMMERSION_DEMO: "true",
        APP_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: `file:${file}`,
        WORKER_IN_PROCESS: "false",
      });
      const running = server;
      // Kill once a varying number of submits is acknowledged, with the others still in flight.
      const killAt = 20 + round * 15;
      const acked = await burst(running.url, tokens, (n) => {
        if (n === killAt) running.kill("SIGKILL");
      });
      running.kill("SIGKILL"); // in case the burst finished first (then nothing was in flight)
      await running.exited;
      server = undefined;

      // The files as the killed process left them (WAL included), checked by another SQLite.
      const integrity = execFileSync("sqlite3", [file, "PRAGMA integrity_check;"], { encoding: "utf8" });
      expect(integrity.trim()).toBe("ok");
      const stored = await db
        .select({ tokenHash: surveys.tokenHash })
        .from(surveyResponses)
        .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
        .where(
          inArray(
            surveys.tokenHash,
            tokens.map((t) => hash(t)),
          ),
        );
      const present = new Set(stored.map((r) => r.tokenHash));
      const lost = acked.filter((t) => !present.has(hash(t)));
      figures.push(
        `round ${round}: ${acked.length} acknowledged, ${acked.length - lost.length} of them present, ` +
          `${present.size - (acked.length - lost.length)} unacknowledged in-flight writes also committed`,
      );
      expect(acked.length).toBeGreaterThanOrEqual(killAt);
      expect(lost).toEqual([]);
    }
    console.log(`kill -9 figures:\n  ${figures.join("\n  ")}`);
  });
});
