import "server-only";
import { and, count, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { sessions, surveyResponses, surveys, surveyTemplates, surveyTemplateVersions } from "@/db/schema";
import type { Language } from "@/lib/domain/languages";
import type { SessionFormat } from "@/lib/domain/sessions";
import {
  CLASSIC_QUESTIONS,
  isScale,
  SCALES,
  type SurveyAnswers,
  type SurveyQuestion,
} from "@/lib/domain/surveys";
import { cesScore, csatScore, npsScore, responseRate, type Score } from "@/lib/scoring";
import { wordingIn } from "@/lib/survey-logic";
import { type ResponseFilters, type ScoreBand, zResponseFilters } from "@/lib/validation/surveys";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

export const RESPONSES_PER_PAGE = 25;
const DAY_MS = 86_400_000;

export type ResponseView = {
  id: string;
  respondedAt: Date;
  sessionId: string;
  sessionTitle: string;
  format: SessionFormat;
  templateName: string;
  version: number | null;
  language: Language;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  /** Each answered question and its answer, worded in the language the customer answered in. */
  answers: { question: string; answer: string }[];
  comment: string | null;
  /** The customer agreed to be quoted anonymously (their latest decision); false once withdrawn. */
  quoteAllowed: boolean;
};

const BAND: Record<ScoreBand, SQL> = {
  csat_low: lte(surveyResponses.csat, 2),
  csat_mid: eq(surveyResponses.csat, 3),
  csat_high: gte(surveyResponses.csat, 4),
  detractor: lte(surveyResponses.nps, 6),
  passive: and(gte(surveyResponses.nps, 7), lte(surveyResponses.nps, 8)) as SQL,
  promoter: gte(surveyResponses.nps, 9),
};

/** Conditions on what was sent (session, format, template, dates): shared by responses and the rate. */
function sentWhere(f: ResponseFilters, at: typeof surveyResponses.createdAt | typeof surveys.sentAt) {
  return [
    f.session ? eq(surveys.sessionId, f.session) : undefined,
    f.format ? eq(sessions.format, f.format) : undefined,
    f.template ? eq(surveyTemplateVersions.templateId, f.template) : undefined,
    f.from ? gte(at, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + DAY_MS)) : undefined,
  ];
}

function responseWhere(f: ResponseFilters) {
  return and(
    ...sentWhere(f, surveyResponses.createdAt),
    f.language ? eq(surveyResponses.language, f.language) : undefined,
    f.band ? BAND[f.band] : undefined,
  );
}

const quoteConsent = sql<
  number | null
>`(select c.granted from consents c where c.invitation_id = ${surveys.invitationId} and c.purpose = 'quote_anonymously' order by c.created_at desc limit 1)`;

function baseQuery() {
  return db
    .select({
      r: surveyResponses,
      sessionTitle: sessions.title,
      format: sessions.format,
      templateName: surveyTemplates.name,
      version: surveyTemplateVersions.version,
      questions: surveyTemplateVersions.questions,
      quote: quoteConsent,
    })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .innerJoin(sessions, eq(sessions.id, surveyResponses.sessionId))
    .leftJoin(surveyTemplateVersions, eq(surveyTemplateVersions.id, surveyResponses.templateVersionId))
    .leftJoin(surveyTemplates, eq(surveyTemplates.id, surveyTemplateVersions.templateId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>["where"]>>[number];

/** An answer in words, in the language the customer answered in. */
function answerText(
  q: SurveyQuestion,
  v: SurveyAnswers[string] | undefined,
  texts: Record<string, string>,
  lang: Language,
) {
  if (q.type === "text") return texts[q.id] ?? null;
  if (v === undefined) return null;
  if (isScale(q.type)) return `${v} / ${SCALES[q.type].max}`;
  const label = (id: string) => {
    const o = q.options?.find((x) => x.id === id);
    return o ? wordingIn(o.text, lang).text : id;
  };
  return Array.isArray(v) ? v.map(label).join("; ") : label(String(v));
}

function toView(row: Row): ResponseView {
  const r = row.r;
  const questions = row.questions ?? CLASSIC_QUESTIONS;
  const answers = questions.flatMap((q) => {
    const text = answerText(q, r.answers[q.id], r.texts, r.language);
    return text === null ? [] : [{ question: wordingIn(q.text, r.language).text, answer: text }];
  });
  return {
    id: r.id,
    respondedAt: r.createdAt,
    sessionId: r.sessionId,
    sessionTitle: row.sessionTitle,
    format: row.format,
    templateName: row.templateName ?? "Classic form",
    version: row.version,
    language: r.language,
    csat: r.csat,
    nps: r.nps,
    ces: r.ces,
    answers,
    comment: r.comment,
    quoteAllowed: row.quote === 1,
  };
}

export type ResponseList = {
  rows: ResponseView[];
  total: number;
  page: number;
  pageCount: number;
  scores: { csat: Score; nps: Score; ces: Score; rate: Score };
};

/** Responses across sessions (or one), filtered, newest first, with their scores and the response rate. */
export async function listSurveyResponses(actor: Actor, raw: unknown): Promise<ResponseList> {
  assertCan(actor, "survey.read");
  const f = zResponseFilters.parse(raw);
  const where = responseWhere(f);
  const page = f.page ?? 1;
  const rows = await baseQuery()
    .where(where)
    .orderBy(desc(surveyResponses.createdAt))
    .limit(RESPONSES_PER_PAGE)
    .offset((page - 1) * RESPONSES_PER_PAGE);
  const all = await db
    .select({ csat: surveyResponses.csat, nps: surveyResponses.nps, ces: surveyResponses.ces })
    .from(surveyResponses)
    .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
    .innerJoin(sessions, eq(sessions.id, surveyResponses.sessionId))
    .leftJoin(surveyTemplateVersions, eq(surveyTemplateVersions.id, surveyResponses.templateVersionId))
    .where(where);
  // The rate over what was sent in the same slice (language and score band say nothing about the unanswered).
  const [sent] = await db
    .select({ n: count(), answered: count(surveyResponses.id) })
    .from(surveys)
    .innerJoin(sessions, eq(sessions.id, surveys.sessionId))
    .leftJoin(surveyTemplateVersions, eq(surveyTemplateVersions.id, surveys.templateVersionId))
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(and(...sentWhere(f, surveys.sentAt)));
  const total = all.length;
  return {
    rows: rows.map(toView),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / RESPONSES_PER_PAGE)),
    scores: {
      csat: csatScore(all.map((a) => a.csat)),
      nps: npsScore(all.map((a) => a.nps)),
      ces: cesScore(all.map((a) => a.ces)),
      rate: responseRate(sent?.answered ?? 0, sent?.n ?? 0),
    },
  };
}

export const EXPORT_MAX_ROWS = 20_000;

/** Every response matching the filters (up to EXPORT_MAX_ROWS), for the CSV export. */
export async function exportSurveyResponses(actor: Actor, raw: unknown): Promise<ResponseView[]> {
  assertCan(actor, "survey.read");
  const f = zResponseFilters.parse(raw);
  const rows = await baseQuery()
    .where(responseWhere(f))
    .orderBy(desc(surveyResponses.createdAt))
    .limit(EXPORT_MAX_ROWS);
  return rows.map(toView);
}

/** Sessions and templates to filter by. */
export async function responseFilterChoices(actor: Actor) {
  assertCan(actor, "survey.read");
  const sessionRows = await db
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt })
    .from(sessions)
    .where(eq(sessions.status, "ended"))
    .orderBy(desc(sessions.startsAt));
  const templates = await db
    .select({ id: surveyTemplates.id, name: surveyTemplates.name })
    .from(surveyTemplates);
  return { sessions: sessionRows, templates };
}
