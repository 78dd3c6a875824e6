import "server-only";
import Papa from "papaparse";
import type { ResponseView } from "./list-responses";

/**
 * Papaparse's own formula escaping (a leading ' before = + - @ tab CR), with the pattern given
 * explicitly: its default, /^[=+\-@\t\r].*$/, has no `s` flag, so a multi-line comment starting
 * with "=" would not match and would reach the spreadsheet as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The responses as CSV: one row each, answers in the language given, formula-safe cells. */
export function responsesCsv(rows: ResponseView[]): string {
  return Papa.unparse(
    rows.map((r) => ({
      responded_at: r.respondedAt.toISOString(),
      session: r.sessionTitle,
      format: r.format,
      template: r.templateName,
      template_version: r.version ?? "",
      language: r.language,
      csat: r.csat ?? "",
      nps: r.nps ?? "",
      ces: r.ces ?? "",
      quote_allowed: r.quoteAllowed ? "yes" : "no",
      answers: r.answers.map((a) => `${a.question}: ${a.answer}`).join("\n"),
      comment: r.comment ?? "",
    })),
    {
      escapeFormulae: FORMULA_START,
      columns: [
        "responded_at",
        "session",
        "format",
        "template",
        "template_version",
        "language",
        "csat",
        "nps",
        "ces",
        "quote_allowed",
        "answers",
        "comment",
      ],
    },
  );
}
