import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/_lib/page-guard";
import { buttonClass } from "@/components/ui/button";
import { Stat } from "@/components/ui/card";
import { FilterSelect } from "@/components/ui/filter-select";
import { formatDateTime } from "@/lib/dates";
import { LANGUAGES } from "@/lib/domain/languages";
import { LOCALE_NAMES } from "@/lib/i18n/config";
import { SCORE_BANDS, zResponseFilters } from "@/lib/validation/surveys";
import { requireStaffPage } from "@/server/auth/staff";
import { listSurveyResponses, responseFilterChoices } from "@/server/surveys/list-responses";
import { FORMAT_CHOICES, FORMAT_LABELS } from "../../sessions/format-labels";

export const metadata: Metadata = { title: "Survey responses" };

const BAND_LABELS: Record<(typeof SCORE_BANDS)[number], string> = {
  csat_low: "CSAT 1–2 (dissatisfied)",
  csat_mid: "CSAT 3",
  csat_high: "CSAT 4–5 (satisfied)",
  detractor: "NPS detractors (0–6)",
  passive: "NPS passives (7–8)",
  promoter: "NPS promoters (9–10)",
};
const FILTERS = ["session", "format", "template", "language", "from", "to", "band"] as const;
const control = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-2 py-2 text-sm";

export default async function ResponsesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireStaffPage();
  const params = await searchParams;
  const raw = Object.fromEntries(
    [...FILTERS, "page"].flatMap((k) => (typeof params[k] === "string" ? [[k, params[k]]] : [])),
  );
  const parsed = zResponseFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const [list, choices] = await Promise.all([
    orNotFound(listSurveyResponses(actor, filters)),
    orNotFound(responseFilterChoices(actor)),
  ]);
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v !== undefined && k !== "page" ? [[k, String(v)]] : [])),
  );
  const pageLink = (n: number) =>
    `/surveys/responses?${new URLSearchParams([...query, ["page", String(n)]])}`;
  const score = (v: number | null, unit = "") => (v === null ? "—" : `${v}${unit}`);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Survey responses</h1>
        <a href={`/surveys/responses/export?${query}`} className={buttonClass("secondary")} download>
          Export CSV ({list.total})
        </a>
      </div>
      <form
        method="get"
        action="/surveys/responses"
        className="grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-4"
      >
        <FilterSelect
          label="Session"
          name="session"
          value={filters.session}
          any="All sessions"
          choices={choices.sessions.map((s) => ({
            value: s.id,
            label: `${s.title} (${formatDateTime(s.startsAt, actor.timeZone)})`,
          }))}
          className={control}
        />
        <FilterSelect
          label="Format"
          name="format"
          value={filters.format}
          any="All formats"
          choices={FORMAT_CHOICES}
          className={control}
        />
        <FilterSelect
          label="Template"
          name="template"
          value={filters.template}
          any="All templates"
          choices={choices.templates.map((t) => ({ value: t.id, label: t.name }))}
          className={control}
        />
        <FilterSelect
          label="Language answered in"
          name="language"
          value={filters.language}
          any="All languages"
          choices={LANGUAGES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          className={control}
        />
        <label className="text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
        </label>
        <label className="text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
        </label>
        <FilterSelect
          label="Score band"
          name="band"
          value={filters.band}
          any="Any score"
          choices={SCORE_BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] }))}
          className={control}
        />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass()}>
            Filter
          </button>
          <Link href="/surveys/responses" className={buttonClass("ghost")}>
            Clear
          </Link>
        </div>
      </form>
      {!parsed.success && (
        <p role="alert" className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
          Some filters in the address were not understood and are ignored.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-4">
        <Stat
          label="CSAT (share of 4–5)"
          value={score(list.scores.csat.value, "%")}
          hint={`n = ${list.scores.csat.n}`}
        />
        <Stat label="NPS" value={score(list.scores.nps.value)} hint={`n = ${list.scores.nps.n}`} />
        <Stat
          label="CES (mean, 7 = easy)"
          value={score(list.scores.ces.value)}
          hint={`n = ${list.scores.ces.n}`}
        />
        <Stat
          label="Response rate"
          value={score(list.scores.rate.value, "%")}
          hint={`answered ÷ ${list.scores.rate.n} sent (drafts not counted)`}
        />
      </div>
      {list.rows.length === 0 ? (
        <p className="text-slate-700">No responses match these filters.</p>
      ) : (
        <ol className="space-y-4" aria-label="Responses, newest first">
          {list.rows.map((r) => (
            <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm text-slate-700">
                <p>
                  <Link href={`/sessions/${r.sessionId}`} className="font-semibold text-blue-800 underline">
                    {r.sessionTitle}
                  </Link>{" "}
                  · {FORMAT_LABELS[r.format]} · {r.templateName}
                  {r.version ? ` v${r.version}` : ""}
                </p>
                <p>
                  {formatDateTime(r.respondedAt, actor.timeZone)} · answered in {LOCALE_NAMES[r.language]} ·{" "}
                  <span
                    className={
                      r.quoteAllowed ? "font-semibold text-green-800" : "font-semibold text-slate-800"
                    }
                  >
                    {r.quoteAllowed ? "May be quoted anonymously" : "Do not quote"}
                  </span>
                </p>
              </div>
              <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-2" lang={r.language}>
                {r.answers.map((a) => (
                  <div key={a.question}>
                    <dt className="text-sm text-slate-600">{a.question}</dt>
                    <dd className="whitespace-pre-wrap font-medium">{a.answer}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ol>
      )}
      {list.pageCount > 1 && (
        <nav aria-label="Pages of responses" className="flex items-center gap-3">
          {list.page > 1 && (
            <Link href={pageLink(list.page - 1)} className={buttonClass("secondary")}>
              Previous
            </Link>
          )}
          <span className="text-sm text-slate-700">
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount && (
            <Link href={pageLink(list.page + 1)} className={buttonClass("secondary")}>
              Next
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
