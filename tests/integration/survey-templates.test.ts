import "../support/test-env";
import { eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { surveyResponses, surveys, surveyTemplateVersions } from "@/db/schema";
import type { SurveyQuestion } from "@/lib/domain/surveys";
import { endSession } from "@/server/sessions/set-session-status";
import { dispatchSurveys } from "@/server/surveys/dispatch-surveys";
import { exportSurveyResponses, listSurveyResponses } from "@/server/surveys/list-responses";
import { responsesCsv } from "@/server/surveys/responses-csv";
import { saveSurveyTemplate } from "@/server/surveys/save-template";
import { saveSessionSurvey, sendSurveyNow } from "@/server/surveys/session-survey";
import { submitSurveyResponse } from "@/server/surveys/submit-response";
import { getSurveyPage } from "@/server/surveys/survey-page";
import { liveSessionWith, newCustomers } from "../support/lifecycle-fixtures";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
beforeAll(async () => {
  staff = await seededDb();
});

const QUESTIONS: SurveyQuestion[] = [
  { id: "csat", type: "csat", required: true, text: { en: "How was it?", zh: "怎么样？", vi: "Thế nào?" } },
  {
    id: "wrong",
    type: "text",
    required: true,
    text: { en: "What went wrong?", zh: "哪里不好？", vi: "Điều gì chưa tốt?" },
    showIf: { questionId: "csat", op: "lte", value: 2 },
  },
];

async function endedWithAttendees(n: number) {
  const people = await newCustomers(n, { language: "vi" });
  const { sessionId } = await liveSessionWith(staff.facilitator, people);
  return { sessionId, people };
}

describe("templates", () => {
  it("a session sends its chosen template; editing a sent version makes a new one, the answer keeps its own", async () => {
    const t = await saveSurveyTemplate(staff.facilitator, { name: "Matrix follow-up", questions: QUESTIONS });
    expect(t).toMatchObject({ version: 1, newVersion: true });
    // Unused: edited in place.
    expect(
      await saveSurveyTemplate(staff.facilitator, {
        templateId: t.id,
        name: "Follow-up",
        questions: QUESTIONS,
      }),
    ).toMatchObject({ version: 1, newVersion: false });
    const { sessionId } = await endedWithAttendees(2);
    await saveSessionSurvey(staff.facilitator, {
      sessionId,
      templateId: t.id,
      delayMinutes: 0,
      reminderAfterHours: 24,
    });
    await endSession(staff.facilitator, { sessionId });
    // The facilitator sends now, to all: the queued dispatch then finds nobody left.
    expect((await sendSurveyNow(staff.facilitator, { sessionId })).sent).toBe(2);
    expect((await dispatchSurveys(sessionId)).sent).toBe(0);
    const [s] = await db.select().from(surveys).where(eq(surveys.sessionId, sessionId));
    const actor = { kind: "respondent" as const, surveyId: s!.id, sessionId };
    const page = await getSurveyPage(actor, "vi");
    expect(page.questions.map((q) => q.label)).toEqual(["Thế nào?", "Điều gì chưa tốt?"]);
    await submitSurveyResponse(
      actor,
      { answers: { csat: 1, wrong: '=HYPERLINK("x")\nChờ lâu' }, final: true },
      "vi",
    );

    const v2 = await saveSurveyTemplate(staff.facilitator, {
      templateId: t.id,
      name: "Follow-up",
      questions: [...QUESTIONS, { id: "more", type: "text", required: false, text: { en: "More?" } }],
    });
    expect(v2).toMatchObject({ version: 2, newVersion: true });
    const [r] = await db.select().from(surveyResponses).where(eq(surveyResponses.surveyId, s!.id));
    const v1 = await db.query.surveyTemplateVersions.findFirst({
      where: eq(surveyTemplateVersions.id, r!.templateVersionId!),
    });
    expect(v1?.version).toBe(1);
    expect(v1?.questions).toHaveLength(2);

    // The viewer shows the answer in the language given; the export neutralises the formula.
    const list = await listSurveyResponses(staff.executive, { session: sessionId, band: "csat_low" });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]!.answers).toEqual([
      { question: "Thế nào?", answer: "1 / 5" },
      { question: "Điều gì chưa tốt?", answer: '=HYPERLINK("x")\nChờ lâu' },
    ]);
    expect(list.scores.rate).toEqual({ value: 50, n: 2 });
    const csv = responsesCsv(await exportSurveyResponses(staff.executive, { session: sessionId }));
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true }).data[0]!;
    expect(parsed.comment).toBe(`'=HYPERLINK("x")\nChờ lâu`);
    expect(parsed.language).toBe("vi");
  });

  it("every cell that starts with = + - @ tab or CR is neutralised, numbers are not", () => {
    const base = {
      id: "x",
      respondedAt: new Date(0),
      sessionId: "s",
      format: "panel" as const,
      templateName: "T",
      version: 1,
      language: "en" as const,
      csat: 1,
      nps: 0,
      ces: null,
      answers: [],
      quoteAllowed: false,
    };
    for (const bad of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=a\nb"]) {
      const csv = responsesCsv([{ ...base, sessionTitle: bad, comment: bad }]);
      const [row] = Papa.parse<Record<string, string>>(csv, { header: true }).data;
      expect(row?.comment).toBe(`'${bad}`);
      expect(row?.session).toBe(`'${bad}`);
      expect(row?.csat).toBe("1");
    }
  });
});
