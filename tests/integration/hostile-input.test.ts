// RELIABILITY.md, "Input": property tests (fast-check) feed every zod schema of lib/validation and
// the free-text fields with hostile and multilingual strings — markup, right-to-left overrides,
// zero-width characters, CJK and Vietnamese combining marks, formula starts, very long text — and
// check that a schema never throws anything but a ZodError, never rewrites text beyond trimming,
// that the text is stored exactly, and that emails and CSV exports render it inert.
import "../support/test-env";
import { readdirSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/db";
import { customers } from "@/db/schema";
import type { StaffActor } from "@/server/auth/actor";
import { createCustomer } from "@/server/customers/save-customer";
import { invitationMail } from "@/server/mail/customer-mails";
import { renderMail } from "@/server/mail/render";
import type { ResponseView } from "@/server/surveys/list-responses";
import { responsesCsv } from "@/server/surveys/responses-csv";
import { seededDb } from "../support/seeded-db";

const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</textarea><svg onload=alert(1)>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  '=HYPERLINK("https://evil.example","x")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\u202Egnp.exe", // right-to-left override
  "a\u200Bb\u200Cc\u200Dd\uFEFF", // zero-width characters
  "Nguyễn Thị Ánh — Phạm Văn Đức", // Vietnamese, precomposed
  "Nguye\u0302\u0303n Thi\u0323", // Vietnamese with combining marks
  "王小明：退款流程太复杂了！",
  "שלום مرحبا",
  "line one\nline two\r\nline three",
  "'; DROP TABLE customers; --",
  "👩🏽‍💻🇻🇳",
];

/** Hostile, multilingual and random text: payloads, mixed with any Unicode, sometimes very long. */
const hostile = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc
    .tuple(
      fc.constantFrom(...PAYLOADS),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.constantFrom(...PAYLOADS),
    )
    .map(([a, b, c]) => `${a}${b}${c}`),
  fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
  fc.constantFrom(...PAYLOADS).map((p) => p.repeat(400)), // several KB
);

let tried = 0;
const counted = <T>(arb: fc.Arbitrary<T>) =>
  arb.map((v) => {
    tried++;
    return v;
  });

type Schema = z.ZodType;
const schemas: [string, Schema][] = [];

beforeAll(async () => {
  const dir = path.resolve("lib/validation");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod))
      if (value instanceof z.ZodType) schemas.push([`${file}#${name}`, value]);
  }
});

const strict = (s: z.ZodObject) => (s._zod.def.catchall as z.ZodType | undefined)?._zod.def.type === "never";

/** Every string the output holds, by path, to compare with the input's. */
function strings(value: unknown, at = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(at, value);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) for (const [p, s] of strings(v, `${at}.${k}`)) out.set(p, s);
  return out;
}

describe("every zod schema, fed hostile input", () => {
  it("finds the schemas", () => {
    expect(schemas.length).toBeGreaterThan(50);
  });

  it("answers anything with success or a ZodError, never another exception", () => {
    for (const [name, schema] of schemas)
      fc.assert(
        fc.property(counted(fc.oneof(fc.anything(), hostile)), (input) => {
          const r = schema.safeParse(input);
          if (!r.success) expect(r.error, name).toBeInstanceOf(z.ZodError);
        }),
        { numRuns: 40 },
      );
  });

  it("is strict, except a page's query and filter parameters (a link may carry others)", () => {
    const loose = schemas.filter(([, s]) => s instanceof z.ZodObject && !strict(s)).map(([n]) => n);
    expect(loose.filter((n) => !/(Query|Filters?)$/.test(n))).toEqual([]);
  });

  it("puts hostile text in every string field: refused, or kept exactly (at most trimmed); unknown keys refused", () => {
    for (const [name, schema] of schemas) {
      if (!(schema instanceof z.ZodObject)) continue;
      const keys = Object.keys(schema.shape);
      fc.assert(
        fc.property(
          counted(fc.array(hostile, { minLength: keys.length, maxLength: keys.length })),
          (texts) => {
            const input = Object.fromEntries(keys.map((k, i) => [k, texts[i]]));
            const r = schema.safeParse(input);
            if (r.success)
              for (const [p, s] of strings(r.data)) {
                const key = p.split(".")[1] ?? "";
                const given = (input as Record<string, string>)[key];
                if (typeof given !== "string" || p.split(".").length !== 2) continue;
                if (s === given || s === given.trim()) continue;
                // Otherwise it must be a default that does not depend on the text (a `.catch`):
                // never a rewritten copy of what was given.
                const other = schema.safeParse({ ...input, [key]: "zz-other-value" });
                expect(other.success && strings(other.data).get(p), `${name}${p} rewrote the text`).toBe(s);
              }
            // A strict object refuses a key it does not know, whatever else is in the input.
            if (strict(schema))
              expect(schema.safeParse({ ...input, injected: "x" }).success, name).toBe(false);
          },
        ),
        { numRuns: 15 },
      );
    }
  });
});

describe("free text through storage, emails and CSV", () => {
  let staff: StaffActor;
  beforeAll(async () => {
    ({ facilitator: staff } = await seededDb());
  });

  it("a customer's name and needs are stored exactly (the name trimmed), or refused with a ZodError", async () => {
    await fc.assert(
      fc.asyncProperty(counted(hostile), counted(hostile), async (name, notes) => {
        const email = `${crypto.randomUUID()}@example.com`;
        try {
          const { id } = await createCustomer(staff, {
            name,
            email,
            timeZone: "UTC",
            accessibilityNotes: notes,
          });
          const row = await db.query.customers.findFirst({ where: eq(customers.id, id) });
          expect(row?.name).toBe(name.trim());
          expect(row?.accessibilityNotes).toBe(notes);
        } catch (error) {
          expect(error).toBeInstanceOf(z.ZodError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("an email adds no tag, whatever the text placed in it", () => {
    const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];
    const neutral = renderMail({ lang: "en", heading: "X", blocks: [{ paragraph: "Y" }, { small: "Z" }] });
    const base = {
      locale: "en" as const,
      token: "t",
      startsAt: new Date("2030-01-01T10:00:00Z"),
      timeZone: "UTC",
      durationMinutes: 60,
    };
    const neutralInvite = invitationMail({ ...base, title: "X" });
    fc.assert(
      fc.property(counted(hostile), (text) => {
        const mail = renderMail({
          lang: "en",
          heading: text,
          blocks: [{ paragraph: text }, { small: text }],
        });
        expect(tags(mail.html)).toEqual(tags(neutral.html));
        expect(mail.text).toContain(text); // the plain part keeps it as it is
        const invite = invitationMail({ ...base, title: text });
        expect(tags(invite.html)).toEqual(tags(neutralInvite.html));
      }),
      { numRuns: 200 },
    );
  });

  it("a CSV export keeps the text in its cell, one row, formulas defused", () => {
    const view = (text: string): ResponseView => ({
      id: "r1",
      respondedAt: new Date("2030-01-01T10:00:00Z"),
      sessionId: "s1",
      sessionTitle: text,
      format: "story_circle" as ResponseView["format"],
      templateName: "Classic",
      version: null,
      language: "vi",
      csat: 4,
      nps: 9,
      ces: null,
      answers: [{ question: "Why?", answer: text }],
      comment: text,
      quoteAllowed: false,
    });
    fc.assert(
      fc.property(counted(hostile), (text) => {
        const parsed = Papa.parse<Record<string, string>>(responsesCsv([view(text)]), { header: true });
        expect(parsed.data).toHaveLength(1);
        const cell = parsed.data[0]?.comment;
        expect(cell).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        expect(parsed.data[0]?.session).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
      { numRuns: 200 },
    );
  });

  it("reports how many hostile inputs were tried", () => {
    console.log(`hostile inputs tried: ${tried} across ${schemas.length} schemas, storage, emails and CSV`);
    expect(tried).toBeGreaterThan(1000);
  });
});
