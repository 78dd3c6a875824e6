import { describe, expect, it } from "vitest";
import { parseCustomerCsv } from "./customer-csv";

const parse = (text: string, allowAccessibility = true) => parseCustomerCsv(text, { allowAccessibility });

describe("parseCustomerCsv", () => {
  it("reads a UTF-8 BOM, CRLF, aliased headers in any order and tags separated by ;", () => {
    const { fileErrors, rows } = parse(
      "\uFEFFEmail,Name,Time Zone,Tags,preferred-language\r\nmai@example.com,Mai,Asia/Ho_Chi_Minh,a; B ;a,vi\r\n",
    );
    expect(fileErrors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        ok: true,
        data: {
          email: "mai@example.com",
          name: "Mai",
          timeZone: "Asia/Ho_Chi_Minh",
          tags: ["a", "b"],
          language: "vi",
        },
      },
    ]);
  });

  it("reports an unterminated quote on its own row and keeps the rows before it", () => {
    const { rows } = parse('name,email\nGood,good@example.com\n"Broken,broken@example.com\n');
    expect(rows[0]).toMatchObject({ row: 2, ok: true });
    expect(rows[1]).toMatchObject({ row: 3, ok: false, errors: ["A quoted cell is never closed"] });
  });

  it("counts a quoted multi-line cell as one row, like a spreadsheet", () => {
    const { rows } = parse('name,email,accessibility_notes\nA,a@example.com,"one\ntwo"\nB,bad\n');
    expect(rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it("refuses the accessibility column for roles that may not record needs", () => {
    expect(parse("name,email,accessibility_notes\nA,a@example.com,x", false).fileErrors[0]).toMatch(
      /may not record accessibility notes/,
    );
  });
});
