import "../support/test-env";
import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { rawResponseRollupsSql } from "@/db/rollups-rebuild";
import { invitations, surveyResponses, surveys } from "@/db/schema";
import type { RespondentActor } from "@/server/auth/actor";
import { DomainError } from "@/server/errors";
import { withdrawCustomer } from "@/server/invitations/withdraw";
import { endSession } from "@/server/sessions/set-session-status";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import { getSurveyPage } from "@/server/surveys/survey-page";
import { actorFor, liveSessionWith, newCustomers } from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

/** `n` attendees of an ended session, each with a survey: their respondent actors and invite tokens. */
async function respondents(n: number) {
  const people = await newCustomers(n);
  const { sessionId, tokens } = await liveSessionWith(staff.facilitator, people);
  await endSession(staff.facilitator, { sessionId });
  await dispatchSurveys(sessionId);
  const rows = await db.select().from(surveys).where(eq(surveys.sessionId, sessionId));
  const byInvitation = new Map(rows.map((r) => [r.invitationId, r]));
  const invs = await db.select().from(invitations).where(eq(invitations.sessionId, sessionId));
  return people.map((p, i) => {
    const inv = invs.find((x) => x.customerId === p.id)!;
    const survey = byInvitation.get(inv.id)!;
    const actor: RespondentActor = { kind: "respondent", surveyId: survey.id, sessionId };
    return { actor, token: tokens[i]!, surveyId: survey.id };
  });
}

describe("answers saved as they are given", () => {
  it("a partial save is kept: the page comes back with it, and the final submit completes it", async () => {
    const [r] = await respondents(1);
    await submitSurveyResponse(r!.actor, { answers: { csat: 2 }, final: false }, "vi");
    await submitSurveyResponse(r!.actor, { answers: { comment: "Chờ lâu quá" }, final: false }, "vi");
    const page = await getSurveyPage(r!.actor, "vi");
    expect(page.answers).toEqual({ csat: 2, comment: "Chờ lâu quá" });
    expect(page.questions[0]!.label).toMatch(/hài lòng/);
    // Nothing is a response until it is sent.
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, r!.surveyId)),
    ).toHaveLength(0);
    await expect(submitSurveyResponse(r!.actor, { answers: {}, final: true }, "vi")).rejects.toThrow(
      DomainError,
    );
    // The seeded default for story circles: CSAT ≤ 2 asks what went wrong (required).
    await expect(
      submitSurveyResponse(r!.actor, { answers: { nps: "7", heard: "5" }, final: true }, "vi"),
    ).rejects.toThrow(DomainError);
    const done = await submitSurveyResponse(
      r!.actor,
      { answers: { nps: "7", heard: "5", wrong: "Không ai nghe" }, final: true },
      "vi",
    );
    expect(done).toEqual({ created: true });
    const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, r!.surveyId));
    expect(row).toMatchObject({
      csat: 2,
      nps: 7,
      comment: "Không ai nghe\n\nChờ lâu quá",
      language: "vi",
      ces: 5,
      answers: { csat: 2, heard: 5, nps: 7 },
      texts: { wrong: "Không ai nghe", comment: "Chờ lâu quá" },
    });
  });

  it("twenty concurrent submits keep one response; every caller is told it is saved", async () => {
    const [r] = await respondents(1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitSurveyResponse(
          r!.actor,
          { answers: { csat: 3 + (i % 3), heard: 4, nps: i % 11 }, final: true },
          "en",
        ),
      ),
    );
    expect(results.filter((x) => x.created)).toHaveLength(1);
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, r!.surveyId)),
    ).toHaveLength(1);
  });

  it("concurrent submits of many customers are each stored (group commit), a bad one refused alone", async () => {
    const many = await respondents(9);
    const results = await Promise.allSettled(
      many.map((r, i) =>
        submitSurveyResponse(
          r.actor,
          { answers: { csat: i === 3 ? "0x3" : 3 + (i % 3), heard: 6, nps: (i * 3) % 11 }, final: true },
          (["en", "vi", "zh"] as const)[i % 3] ?? "en",
        ),
      ),
    );
    expect(results.filter((x) => x.status === "rejected")).toHaveLength(1);
    const stored = await db
      .select()
      .from(surveyResponses)
      .where(
        inArray(
          surveyResponses.surveyId,
          many.map((r) => r.surveyId),
        ),
      );
    expect(stored).toHaveLength(8);
    // The batch's rollups were summed and written at once: they equal the raw figures.
    const rows = async (q: ReturnType<typeof sql>) =>
      ((await db.all(q)) as Record<string, unknown>[])
        .map((r) => JSON.stringify(Object.values(r).map(Number)))
        .sort();
    expect(
      await rows(sql`SELECT grain, bucket, sent, responses, csat_count, nps_count, csat_satisfied, nps_promoters,
        nps_detractors, ces_count, ces_sum, ces_sum_squares FROM response_rollups WHERE sent != 0 OR responses != 0`),
    ).toEqual(
      await rows(sql`SELECT grain, bucket, sent, responses, csat_count, nps_count, csat_satisfied, nps_promoters,
        nps_detractors, ces_count, ces_sum, ces_sum_squares FROM (${rawResponseRollupsSql()})`),
    );
  });

  it("a link is limited to 240 calls in 10 minutes, counted in the answers' own batch", async () => {
    const [r] = await respondents(1);
    const calls = await Promise.allSettled(
      Array.from({ length: 245 }, (_, i) =>
        submitSurveyResponse(r!.actor, { answers: { csat: 3 + (i % 3) }, final: false }, "en"),
      ),
    );
    expect(calls.filter((c) => c.status === "fulfilled")).toHaveLength(240);
    const refused = calls.flatMap((c) => (c.status === "rejected" ? [c.reason] : []));
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toMatchObject({ code: "rate_limited" });
    // A final submit over the limit is refused whole (the page keeps the answers on the device).
    await expect(
      submitSurveyResponse(r!.actor, { answers: { heard: 5, nps: 9 }, final: true }, "en"),
    ).rejects.toMatchObject({ code: "rate_limited" });
    expect(
      await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, r!.surveyId)),
    ).toHaveLength(0);
  });

  it("withdrawal erases free text and the draft; the ratings stay, anonymous", async () => {
    const [a, b] = await respondents(2);
    await submitSurveyResponse(
      a!.actor,
      { answers: { csat: 5, heard: 7, nps: 10, comment: "My name is Ann" }, final: true },
      "en",
    );
    await submitSurveyResponse(b!.actor, { answers: { comment: "half way" }, final: false }, "en");
    await withdrawCustomer(await actorFor(a!.token));
    await withdrawCustomer(await actorFor(b!.token));
    const [row] = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, a!.surveyId));
    expect(row).toMatchObject({ csat: 5, nps: 10, comment: null, texts: {} });
    const draft = await db.query.surveys.findFirst({ where: eq(surveys.id, b!.surveyId) });
    expect(draft?.draft).toBeNull();
  });
});
