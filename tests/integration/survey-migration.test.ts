import "../support/test-env";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbClient } from "@/db";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { insightEvidence, surveyResponses } from "@/db/schema";
import { seededDb } from "../support/seeded-db";

beforeAll(async () => {
  await seededDb();
});

describe("migration 0012 (responses answer templates)", () => {
  it("rebuilds survey_responses keeping every row, its classic answers and every insight's evidence link, even with foreign keys on", async () => {
    const links = async () =>
      (
        await db
          .select({ id: insightEvidence.id, r: insightEvidence.responseId })
          .from(insightEvidence)
          .where(isNotNull(insightEvidence.responseId))
      ).sort((a, b) => a.id.localeCompare(b.id));
    const before = await links();
    const [{ n: rows } = { n: 0 }] = await db.select({ n: sql<number>`count(*)` }).from(surveyResponses);
    expect(before.length).toBeGreaterThan(0);
    const statements = readFileSync(path.join(MIGRATIONS_FOLDER, "0012_survey_responses_answers.sql"), "utf8")
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    // A write transaction on the app's connection settings: foreign keys ON.
    await dbClient().batch(statements, "write");
    expect(await links()).toEqual(before);
    const [{ n: after } = { n: 0 }] = await db.select({ n: sql<number>`count(*)` }).from(surveyResponses);
    expect(after).toBe(rows);
    const sample = await db.select().from(surveyResponses).limit(50);
    for (const r of sample) {
      expect(r.answers).toEqual({ csat: r.csat, nps: r.nps });
      expect(r.texts).toEqual(r.comment ? { comment: r.comment } : {});
    }
  });
});
