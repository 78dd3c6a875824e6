import Papa from "papaparse";
import { CSV_MAX_ROWS, type CsvCustomerRow, zCsvCustomerRow } from "@/lib/validation/customers";

/** CSV header (lower-cased, spaces and dashes as underscores) → customer field. */
const COLUMNS: Record<string, keyof CsvCustomerRow> = {
  name: "name",
  email: "email",
  phone: "phone",
  language: "language",
  preferred_language: "language",
  time_zone: "timeZone",
  timezone: "timeZone",
  preferred_name: "preferredName",
  tags: "tags",
  segment: "segment",
  contact_preference: "contactPreference",
  accessibility_notes: "accessibilityNotes",
};

/** The header row staff download as a template; the order the preview shows. */
export const CSV_TEMPLATE_HEADER =
  "name,email,phone,language,time_zone,tags,segment,contact_preference,accessibility_notes";

const LABEL: Record<keyof CsvCustomerRow, string> = {
  name: "name",
  preferredName: "preferred_name",
  email: "email",
  phone: "phone",
  language: "language",
  timeZone: "time_zone",
  tags: "tags",
  segment: "segment",
  contactPreference: "contact_preference",
  accessibilityNotes: "accessibility_notes",
};

export type CsvRow =
  | { row: number; ok: true; data: CsvCustomerRow }
  | { row: number; ok: false; errors: string[]; name: string; email: string };

export type ParsedCsv = { fileErrors: string[]; columns: (keyof CsvCustomerRow)[]; rows: CsvRow[] };

/**
 * Parses and validates a customer CSV. Row numbers are the spreadsheet's: the header is row 1, so
 * the first customer is row 2 (a quoted cell spanning lines still counts as one row). Bad rows are
 * reported with their reasons and good rows are kept; only a file that cannot be read at all
 * (unknown or missing columns, too many rows) gives file errors and no rows.
 */
export function parseCustomerCsv(text: string, opts: { allowAccessibility: boolean }): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimiter: ",", skipEmptyLines: false });
  const [header = [], ...records] = parsed.data;
  const columns: (keyof CsvCustomerRow)[] = [];
  const fileErrors: string[] = [];
  for (const [i, raw] of header.entries()) {
    const key = raw
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, "_");
    const col = COLUMNS[key];
    if (!col)
      fileErrors.push(`Unknown column "${raw.trim()}" (column ${i + 1}). Use: ${CSV_TEMPLATE_HEADER}`);
    else if (columns.includes(col)) fileErrors.push(`Column "${raw.trim()}" appears twice`);
    else if (col === "accessibilityNotes" && !opts.allowAccessibility)
      fileErrors.push("Your role may not record accessibility notes: remove the accessibility_notes column");
    if (col) columns.push(col);
  }
  for (const required of ["name", "email"] as const)
    if (!columns.includes(required)) fileErrors.push(`The header row needs a "${required}" column`);
  // Trailing blank lines are not rows anyone meant to import.
  while (records.length && records.at(-1)!.every((c) => c.trim() === "")) records.pop();
  if (records.length > CSV_MAX_ROWS)
    fileErrors.push(`The file has ${records.length} rows; import at most ${CSV_MAX_ROWS} at a time`);
  if (records.length === 0 && fileErrors.length === 0)
    fileErrors.push("The file has a header but no customers");
  if (fileErrors.length) return { fileErrors, columns, rows: [] };

  const quoteErrors = new Map<number, string>();
  for (const e of parsed.errors)
    if (typeof e.row === "number" && e.type === "Quotes")
      quoteErrors.set(e.row, "A quoted cell is never closed");
  const firstRowOfEmail = new Map<string, number>();
  const rows: CsvRow[] = [];
  for (const [i, cells] of records.entries()) {
    const row = i + 2;
    if (cells.every((c) => c.trim() === "")) continue;
    const rawOf = (col: keyof CsvCustomerRow) => cells[columns.indexOf(col)]?.trim() ?? "";
    const bad = (errors: string[]): CsvRow => ({
      row,
      ok: false,
      errors,
      name: rawOf("name"),
      email: rawOf("email"),
    });
    const quote = quoteErrors.get(i + 1);
    if (quote) {
      rows.push(bad([quote]));
      continue;
    }
    if (cells.length !== columns.length) {
      rows.push(bad([`Expected ${columns.length} cells, found ${cells.length}`]));
      continue;
    }
    const candidate: Record<string, string> = {};
    // Blank cells are left out, so they never overwrite what a customer's record already holds.
    for (const [c, col] of columns.entries()) if (cells[c]!.trim() !== "") candidate[col] = cells[c]!;
    const result = zCsvCustomerRow.safeParse(candidate);
    if (!result.success) {
      rows.push(
        bad(
          result.error.issues.map((issue) => {
            const col = issue.path[0] as keyof CsvCustomerRow | undefined;
            const message =
              issue.code === "invalid_type" && issue.input === undefined ? "Required" : issue.message;
            return col ? `${LABEL[col]}: ${message}` : message;
          }),
        ),
      );
      continue;
    }
    const earlier = firstRowOfEmail.get(result.data.email);
    if (earlier !== undefined) {
      rows.push(bad([`email: the same email as row ${earlier}`]));
      continue;
    }
    firstRowOfEmail.set(result.data.email, row);
    rows.push({ row, ok: true, data: result.data });
  }
  return { fileErrors, columns, rows };
}
