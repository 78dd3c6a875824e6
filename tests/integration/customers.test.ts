import "../support/test-env";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import fc from "fast-check";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/db";
import { auditLog, customers, invitations, outbox, surveyResponses, surveys } from "@/db/schema";
import { instantToZonedWallTime } from "@/lib/dates";
import { CSV_MAX_ROWS, type UpdateCustomerInput } from "@/lib/validation/customers";
import type { Actor } from "@/server/auth/actor";
import { customerFacets } from "@/server/customers/customer-facets";
import { exportCustomer } from "@/server/customers/export-customer";
import { getCustomer } from "@/server/customers/get-customer";
import { importCustomers, previewCustomerImport } from "@/server/customers/import-customers";
import { listCustomers } from "@/server/customers/list-customers";
import { createCustomer, updateCustomer } from "@/server/customers/save-customer";
import { DomainError } from "@/server/errors";
import { inviteCustomers } from "@/server/invitations/invite-customers";
import { customerActorOf, resolveInvitationToken } from "@/server/invitations/resolve-invitation";
import { respondToInvitation } from "@/server/invitations/respond-to-invitation";
import { createSession } from "@/server/sessions/create-session";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

const uniq = () => crypto.randomUUID().slice(0, 8);
// Typed loosely on purpose: the tests feed the schemas wrong values too.
const base = (over: Record<string, unknown> = {}): UpdateCustomerInput =>
  ({
    name: "Nguyễn Thị Hoa",
    email: `hoa.${uniq()}@example.com`,
    phone: "+44 20 7946 0000",
    language: "vi",
    timeZone: "Asia/Ho_Chi_Minh",
    tags: "elderly; Smart-Meter ;elderly",
    segment: "residential",
    contactPreference: "phone",
    accessibilityNotes: "Prefers captions; needs a break every 15 minutes",
    ...over,
  }) as never;

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

const count = async () => (await db.select({ n: sql<number>`count(*)` }).from(customers))[0]!.n;
const auditRows = (resourceId: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.resourceType, "customer"), eq(auditLog.resourceId, resourceId)));

describe("creating and editing a customer", () => {
  it("creates with normalised email and tags, reads back every field, audits create and read", async () => {
    const input = base({ email: "  Hoa.Create@Example.COM " });
    const { id } = await createCustomer(staff.facilitator, input);
    const c = await getCustomer(staff.facilitator, id);
    expect(c).toMatchObject({
      name: "Nguyễn Thị Hoa",
      email: "hoa.create@example.com",
      phone: "+44 20 7946 0000",
      language: "vi",
      timeZone: "Asia/Ho_Chi_Minh",
      tags: ["elderly", "smart-meter"],
      segment: "residential",
      contactPreference: "phone",
      accessibilityNotes: "Prefers captions; needs a break every 15 minutes",
    });
    const actions = (await auditRows(id)).map((r) => r.action);
    expect(actions).toContain("create");
    expect(actions).toContain("read_with_needs");
    // The audit log holds ids only, never the personal data itself.
    const raw = JSON.stringify(await auditRows(id));
    expect(raw).not.toContain("hoa.create");
    expect(raw).not.toContain("Hoa");
  });

  it("edits fields; blank optional fields are cleared; notes left out of the input stay", async () => {
    const { id } = await createCustomer(staff.admin, base());
    const before = await getCustomer(staff.admin, id);
    const { accessibilityNotes: _, ...withoutNotes } = base({
      id,
      email: before.email,
      name: "Hoa Nguyen",
      phone: "",
      segment: "",
      tags: "",
      language: "en",
      timeZone: "Europe/London",
      contactPreference: "none",
    });
    await updateCustomer(staff.admin, withoutNotes);
    const after = await getCustomer(staff.admin, id);
    expect(after).toMatchObject({
      name: "Hoa Nguyen",
      phone: null,
      segment: null,
      tags: [],
      language: "en",
      timeZone: "Europe/London",
      contactPreference: "none",
      accessibilityNotes: "Prefers captions; needs a break every 15 minutes",
    });
    await updateCustomer(staff.admin, { ...withoutNotes, accessibilityNotes: "" });
    expect((await getCustomer(staff.admin, id)).accessibilityNotes).toBeNull();
    expect((await auditRows(id)).filter((r) => r.action === "update")).toHaveLength(2);
  });

  it("refuses bad input with a field error: strict keys, zone, language, email", async () => {
    const bad = async (over: Record<string, unknown>) =>
      createCustomer(staff.facilitator, base(over) as never).then(
        () => "accepted",
        (e: unknown) => (e instanceof Error ? e.name : "?"),
      );
    expect(await bad({ timeZone: "Mars/Olympus" })).toBe("ZodError");
    expect(await bad({ language: "fr" })).toBe("ZodError");
    expect(await bad({ email: "not an email" })).toBe("ZodError");
    expect(await bad({ role: "admin" })).toBe("ZodError");
    expect(await bad({ name: "   " })).toBe("ZodError");
    expect(await bad({ phone: "call me maybe" })).toBe("ZodError");
  });

  it("email is unique case-insensitively, with a clear field error on create and on edit", async () => {
    const email = `dup.${uniq()}@example.com`;
    await createCustomer(staff.facilitator, base({ email }));
    const n = await count();
    const e = await rejection(createCustomer(staff.facilitator, base({ email: ` ${email.toUpperCase()} ` })));
    expect(e.code).toBe("invalid");
    expect(e.fieldErrors.email).toEqual(["Another customer already has this email address"]);
    expect(await count()).toBe(n);
    const other = await createCustomer(staff.facilitator, base());
    const e2 = await rejection(updateCustomer(staff.facilitator, { ...base({ email }), id: other.id }));
    expect(e2.fieldErrors.email?.[0]).toMatch(/already has this email/);
    // Two people adding the same new email at once: exactly one wins, the other gets the field error.
    const racing = `race.${uniq()}@example.com`;
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => createCustomer(staff.facilitator, base({ email: racing }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as DomainError).fieldErrors.email).toBeDefined();
  });

  it("searches and filters the directory by text, tag and segment", async () => {
    const tag = `tag-${uniq()}`;
    const a = await createCustomer(
      staff.facilitator,
      base({ name: "Zed Filterable", tags: tag, segment: "smb" }),
    );
    await createCustomer(staff.facilitator, base({ name: "Zed Other", tags: tag, segment: "residential" }));
    const byTag = await listCustomers(staff.facilitator, { tag });
    expect(byTag.map((c) => c.name).sort()).toEqual(["Zed Filterable", "Zed Other"]);
    const byBoth = await listCustomers(staff.facilitator, { tag, segment: "smb" });
    expect(byBoth.map((c) => c.id)).toEqual([a.id]);
    const byText = await listCustomers(staff.facilitator, { q: "filterable" });
    expect(byText.map((c) => c.id)).toEqual([a.id]);
    // LIKE wildcards are matched literally.
    expect(await listCustomers(staff.facilitator, { q: "%" })).toEqual([]);
    const facets = await customerFacets(staff.facilitator);
    expect(facets.tags).toContain(tag);
    expect(facets.segments).toContain("smb");
  });
});

describe("authorization and accessibility notes", () => {
  it("executives and agents may open a record, but the notes are absent from what they get", async () => {
    const { id } = await createCustomer(staff.facilitator, base());
    for (const who of [staff.executive, staff.agent, staff.owner]) {
      const c = await getCustomer(who, id);
      expect(Object.keys(c)).not.toContain("accessibilityNotes");
      expect(JSON.stringify(c)).not.toContain("captions");
    }
    for (const who of [staff.facilitator, staff.admin]) {
      expect(await getCustomer(who, id)).toHaveProperty("accessibilityNotes");
    }
    for (const r of await auditRows(id)) expect(r.actorId).toBeTruthy();
    // Without need-to-know they saw a pseudonym (tests/integration/need-to-know.test.ts).
    expect((await auditRows(id)).filter((r) => r.action === "read_pseudonymous")).toHaveLength(3);
  });

  it("only facilitators and admins create, edit, import, export or browse", async () => {
    const { id } = await createCustomer(staff.facilitator, base());
    const customerLink: Actor = { kind: "customer", invitationId: "x", customerId: id, sessionId: "y" };
    for (const who of [
      staff.executive,
      staff.agent,
      staff.owner,
      { kind: "anonymous" } as Actor,
      customerLink,
    ]) {
      expect((await rejection(createCustomer(who, base()))).code).toBe("forbidden");
      expect((await rejection(updateCustomer(who, { ...base(), id }))).code).toBe("forbidden");
      expect((await rejection(previewCustomerImport(who, { csv: "name,email\nA,a@b.co" }))).code).toBe(
        "forbidden",
      );
      expect((await rejection(importCustomers(who, { csv: "name,email\nA,a@b.co" }))).code).toBe("forbidden");
      expect((await rejection(exportCustomer(who, id))).code).toBe("forbidden");
      expect((await rejection(listCustomers(who))).code).toBe("forbidden");
    }
    for (const who of [{ kind: "anonymous" } as Actor, customerLink])
      expect((await rejection(getCustomer(who, id))).code).toBe("forbidden");
    expect((await rejection(getCustomer(staff.facilitator, crypto.randomUUID()))).code).toBe("not_found");
    expect((await rejection(getCustomer(staff.facilitator, "../etc"))).code).toBe("not_found");
  });
});

const CSV_HEADER = "name,email,phone,language,time_zone,tags,segment,contact_preference,accessibility_notes";

describe("CSV import", () => {
  it("previews row-level errors with spreadsheet row numbers, keeps good rows, stores nothing", async () => {
    const s = uniq();
    const csv = [
      CSV_HEADER,
      `Ana Good,ana.${s}@example.com,,en,Europe/London,a;b,smb,email,`,
      `Bad Email,not-an-email,,en,,,,,`,
      `Bad Lang,lang.${s}@example.com,,fr,,,,,`,
      ``,
      `Bad Zone,zone.${s}@example.com,,zh,Mars/Olympus,,,,`,
      `"Multi ""line"" notes",multi.${s}@example.com,,vi,,,,phone,"Line one\nLine two"`,
      `Twice,ANA.${s}@example.com,,,,,,,`,
      `Short row,short.${s}@example.com`,
      `,noname.${s}@example.com,,,,,,,`,
      `Ben Good,ben.${s}@example.com,+1 555 0100,zh,,,,,`,
      ``,
    ].join("\n");
    const before = await count();
    const p = await previewCustomerImport(staff.facilitator, { csv });
    expect(await count()).toBe(before);
    const byRow = Object.fromEntries(p.rows.map((r) => [r.row, r]));
    expect(Object.keys(byRow).map(Number)).toEqual([2, 3, 4, 6, 7, 8, 9, 10, 11]);
    const errs = (row: number) => {
      const r = byRow[row]!;
      return r.ok ? [] : r.errors;
    };
    expect(byRow[2]).toMatchObject({
      ok: true,
      action: "create",
      data: { tags: ["a", "b"], segment: "smb" },
    });
    expect(errs(3)).toEqual(["email: Enter a valid email address"]);
    expect(errs(4)[0]).toMatch(/^language: /);
    expect(errs(6)[0]).toMatch(/^time_zone: Choose a valid IANA time zone/);
    expect(byRow[7]).toMatchObject({
      ok: true,
      data: { name: 'Multi "line" notes', accessibilityNotes: "Line one\nLine two" },
    });
    expect(errs(8)).toEqual(["email: the same email as row 2"]);
    expect(errs(9)).toEqual(["Expected 9 cells, found 2"]);
    expect(errs(10)).toEqual(["name: Required"]);
    expect(byRow[3]).toMatchObject({ name: "Bad Email", email: "not-an-email" });
    expect(p.counts).toEqual({ create: 3, update: 0, error: 6 });

    const result = await importCustomers(staff.facilitator, { csv });
    expect(result).toEqual({ created: 3, updated: 0, skipped: 6 });
    expect(await count()).toBe(before + 3);
    const ana = await db.query.customers.findFirst({ where: eq(customers.email, `ana.${s}@example.com`) });
    // A blank time_zone takes the importing person's zone.
    const ben = await db.query.customers.findFirst({ where: eq(customers.email, `ben.${s}@example.com`) });
    expect(ana?.timeZone).toBe("Europe/London");
    expect(ben).toMatchObject({ language: "zh", phone: "+1 555 0100", timeZone: staff.facilitator.timeZone });
    expect((await auditRows(ana!.id)).map((r) => r.action)).toEqual(["import_create"]);
  });

  it("re-import updates customers matched by email (any case) instead of duplicating; blank cells keep values", async () => {
    const s = uniq();
    const first = [
      CSV_HEADER,
      `Chen Li,chen.${s}@example.com,+86 10 1234,zh,Asia/Shanghai,x;y,smb,email,Large text`,
    ].join("\n");
    expect(await importCustomers(staff.facilitator, { csv: first })).toEqual({
      created: 1,
      updated: 0,
      skipped: 0,
    });
    const n = await count();
    const second = ["email,name,segment,tags", `CHEN.${s}@Example.com,Chen Li 陈莉,enterprise,`].join("\r\n");
    const p = await previewCustomerImport(staff.admin, { csv: second });
    expect(p.rows[0]).toMatchObject({ ok: true, action: "update" });
    expect(await importCustomers(staff.admin, { csv: second })).toEqual({
      created: 0,
      updated: 1,
      skipped: 0,
    });
    expect(await count()).toBe(n);
    const rows = await db
      .select()
      .from(customers)
      .where(sql`lower(${customers.email}) = ${`chen.${s}@example.com`}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "Chen Li 陈莉",
      segment: "enterprise",
      tags: ["x", "y"],
      phone: "+86 10 1234",
      language: "zh",
      timeZone: "Asia/Shanghai",
      accessibilityNotes: "Large text",
    });
    expect((await auditRows(rows[0]!.id)).map((r) => r.action).sort()).toEqual([
      "import_create",
      "import_update",
    ]);
  });

  it("refuses unreadable files as a whole with a clear reason", async () => {
    // Unreadable structure is a DomainError; an empty or oversized body fails the zod schema.
    const fileError = (csv: string) =>
      previewCustomerImport(staff.facilitator, { csv }).then(
        () => "accepted",
        (e: unknown) =>
          e instanceof ZodError ? e.issues.map((i) => i.message).join(" ") : (e as Error).message,
      );
    expect(await fileError("name,email,shoe_size\nA,a@b.co,42")).toMatch(/Unknown column "shoe_size"/);
    expect(await fileError("name,phone\nA,123")).toMatch(/needs a "email" column/);
    expect(await fileError("name,email,Email\nA,a@b.co,a@b.co")).toMatch(/appears twice/);
    expect(await fileError("name,email\n")).toMatch(/no customers/);
    expect(await fileError("")).toMatch(/Choose a CSV file/);
    const many = [
      "name,email",
      ...Array.from({ length: CSV_MAX_ROWS + 1 }, (_, i) => `P${i},p${i}@x.co`),
    ].join("\n");
    expect(await fileError(many)).toMatch(new RegExp(`import at most ${CSV_MAX_ROWS}`));
    const huge = `name,email,accessibility_notes\nA,a@b.co,"${"x".repeat(600 * 1024)}"`;
    expect(await fileError(huge)).toMatch(/larger than 512 KB/);
    expect(
      (await rejection(importCustomers(staff.facilitator, { csv: "name,email\n,bad" }))).message,
    ).toMatch(/No row can be imported/);
  });
});

// Strings people really type, and ones attackers do: any script, combining marks, bidi
// overrides, zero-width characters, markup, quotes and separators that CSV must escape.
const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "陈莉 (Chén Lì)",
  "Nguyễn Thị Hoa", // precomposed
  "Nguye\u0302\u0303n Thi\u0323 Hoa", // combining marks: must not be normalised away
  "\u202Egnp.exe\u202C Mallory",
  "zero\u200Bwidth\u200Djoiner\uFEFF",
  "مرحبا بالعالم",
  '=HYPERLINK("http://evil")',
  "a,b;c \"quoted\" 'single'",
  "🧑🏽‍🦯 emoji ZWJ",
];

const freeText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }),
  fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
);
// Names are one line and trimmed; notes are kept byte for byte (no controls but tab and newlines).
// biome-ignore lint/suspicious/noControlCharactersInRegex: filtering them out of generated input
const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: filtering them out of generated input
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const nameOk = (s: string) => s.trim() !== "" && s === s.trim() && !ANY_CONTROL.test(s);
const notesOk = (s: string) => s.trim() !== "" && !CONTROL_BUT_LINES.test(s);

describe("free text of any script", () => {
  it("round-trips exactly through the form path", async () => {
    await fc.assert(
      fc.asyncProperty(freeText.filter(nameOk), freeText.filter(notesOk), async (name, notes) => {
        const { id } = await createCustomer(
          staff.facilitator,
          base({ name, accessibilityNotes: notes, segment: name.slice(0, 80) }),
        );
        const c = await getCustomer(staff.facilitator, id);
        expect(c.name).toBe(name);
        expect(c.accessibilityNotes).toBe(notes);
      }),
      { numRuns: 40 },
    );
  });

  it("round-trips exactly through CSV import, however the cells are quoted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(freeText.filter(nameOk), freeText.filter(notesOk)), { minLength: 1, maxLength: 5 }),
        async (people) => {
          const s = uniq();
          const data = people.map(([name, notes], i) => ({
            name,
            email: `p${i}.${s}@example.com`,
            accessibility_notes: notes,
          }));
          const csv = Papa.unparse(data, { newline: "\r\n" });
          expect(await importCustomers(staff.facilitator, { csv })).toMatchObject({
            created: people.length,
            skipped: 0,
          });
          for (const d of data) {
            const row = await db.query.customers.findFirst({ where: eq(customers.email, d.email) });
            expect(row?.name).toBe(d.name);
            expect(row?.accessibilityNotes).toBe(d.accessibility_notes);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("export of one customer's data", () => {
  it("is complete for that customer, holds nobody else, leaves out link secrets, and is audited", async () => {
    const s = uniq();
    const mine = await createCustomer(
      staff.facilitator,
      base({ name: `Mine ${s}`, email: `mine.${s}@example.com` }),
    );
    const theirs = await createCustomer(
      staff.facilitator,
      base({ name: `Theirs ${s}`, email: `theirs.${s}@example.com` }),
    );
    const { id: sessionId } = await createSession(staff.facilitator, {
      title: `Export ${s}`,
      description: "",
      format: "panel",
      startsAtLocal: instantToZonedWallTime(new Date(Date.now() + 5 * 86400_000), "Europe/London"),
      timeZone: "Europe/London",
      durationMinutes: 45,
      seats: 10,
      observersHidden: true,
    });
    await inviteCustomers(staff.facilitator, { sessionId, customerIds: [mine.id, theirs.id] });
    for (const who of [mine.id, theirs.id]) {
      const mail = await db.query.outbox.findFirst({ where: eq(outbox.customerId, who) });
      const token = /\/i\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
      const row = (await resolveInvitationToken(token))!;
      await respondToInvitation(
        customerActorOf(row),
        {
          decision: "accept",
          participate: true,
          quoteAnonymously: who === mine.id,
          record: false,
          contactAfter: true,
          accommodations: ["captions"],
          accommodationOther: who === mine.id ? "Mine: slow pace" : "Theirs: interpreter",
        },
        "en",
      );
    }
    const data = await exportCustomer(staff.facilitator, mine.id);
    const json = JSON.stringify(data);
    expect(data.customer).toMatchObject({
      id: mine.id,
      email: `mine.${s}@example.com`,
      accessibilityNotes: expect.any(String),
    });
    const myInvitations = await db.select().from(invitations).where(eq(invitations.customerId, mine.id));
    expect(data.invitations.map((i) => i.id).sort()).toEqual(myInvitations.map((i) => i.id).sort());
    expect(data.invitations[0]).toMatchObject({
      status: "accepted",
      accommodations: ["captions"],
      accommodationOther: "Mine: slow pace",
      session: { id: sessionId, title: `Export ${s}` },
    });
    expect(data.invitations[0]!.consents.map((c) => [c.purpose, c.granted]).sort()).toEqual(
      [
        ["contact_after", true],
        ["participate", true],
        ["quote_anonymously", true],
      ].sort(),
    );
    expect(data.invitations[0]!.consents[0]).toMatchObject({
      textVersion: expect.any(String),
      language: "en",
    });
    expect(data.emails.length).toBeGreaterThan(0);
    expect(data.emails.every((m) => m.to === `mine.${s}@example.com`)).toBe(true);
    // Nobody else: not the other guest's id, name, email, invitation or needs.
    const theirInvitation = await db.query.invitations.findFirst({
      where: eq(invitations.customerId, theirs.id),
    });
    for (const foreign of [theirs.id, `Theirs ${s}`, `theirs.${s}`, theirInvitation!.id, "interpreter"])
      expect(json).not.toContain(foreign);
    // No link secrets: token hashes and email bodies (which carry the personal link) stay out.
    expect(json).not.toContain(myInvitations[0]!.tokenHash);
    expect(json).not.toContain("/i/");
    expect(json).not.toMatch(/tokenHash|facilitatorId/);
    expect((await auditRows(mine.id)).map((r) => r.action)).toContain("export");
  });
});

describe("export includes survey answers", () => {
  it("carries the customer's own survey answer with its invitation", async () => {
    const [answered] = await db
      .select({ invitationId: surveys.invitationId, csat: surveyResponses.csat, nps: surveyResponses.nps })
      .from(surveyResponses)
      .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
      .where(isNotNull(surveys.invitationId))
      .limit(1);
    const inv = await db.query.invitations.findFirst({ where: eq(invitations.id, answered!.invitationId!) });
    const data = await exportCustomer(staff.admin, inv!.customerId);
    const withSurvey = data.invitations.find((i) => i.id === inv!.id);
    expect(withSurvey?.survey).toMatchObject({ csat: answered!.csat, nps: answered!.nps });
    expect(Object.keys(withSurvey?.survey ?? {})).not.toContain("invitationId");
  });
});
