import "../support/test-env";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { SPIKE_CODE } from "@/db/seed-dashboard";
import { readDashboardFilters } from "@/lib/validation/dashboard";
import { loadDashboard } from "@/server/analytics/load-dashboard";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
beforeAll(async () => {
  staff = await seededDb();
});

describe("the executive dashboard on the demo data", () => {
  it("finds the seeded spike, and only real rises", async () => {
    const d = await loadDashboard(staff.executive, readDashboardFilters({}));
    const flagged = d.emerging.flagged.map((e) => e.number);
    expect(flagged).toContain(SPIKE_CODE);
    expect(flagged.length).toBeLessThanOrEqual(2);
    const spike = d.emerging.flagged.find((e) => e.number === SPIKE_CODE);
    expect(spike?.adjustedP).toBeLessThan(0.05);
    console.info(
      JSON.stringify({
        flagged: d.emerging.flagged.map((e) => [e.number, e.current, e.baselineMean, e.adjustedP]),
      }),
    );
  });

  it("headline figures equal a raw count over the same surveys", async () => {
    const f = readDashboardFilters({ grain: "month" });
    const d = await loadDashboard(staff.executive, f);
    const [raw] = await db.all<{
      n: number;
      sat: number;
      rated: number;
    }>(sql`SELECT count(*) AS n, sum(r.csat >= 4) AS sat, count(r.csat) AS rated
      FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
      WHERE s.sent_at >= ${d.trends.buckets[0]?.bucket} AND s.sent_at < ${f.toMs}`);
    expect(d.trends.totals.responses).toBe(raw?.n);
    expect(d.trends.totals.csat).toBe(Math.round(((raw?.sat ?? 0) / (raw?.rated ?? 1)) * 1000) / 10);
  });

  it("shows the Pareto in order with its cumulative line, scorecards, a before/after and quotes", async () => {
    const d = await loadDashboard(staff.executive, readDashboardFilters({}));
    expect(d.pareto.length).toBeGreaterThan(5);
    for (let i = 1; i < d.pareto.length; i++)
      expect(d.pareto[i - 1]?.mentions).toBeGreaterThanOrEqual(d.pareto[i]?.mentions ?? 0);
    expect(d.pareto.at(-1)?.cumulativeShare).toBeCloseTo(1, 10);
    expect(d.scorecards.departments.some((x) => x.name === "Billing")).toBe(true);
    expect(d.comparison?.parts.map((p) => p.measure)).toEqual(["CSAT", "Complaints"]);
    expect(d.comparison?.parts[0]?.sentence).toMatch(/^(Satisfaction|Too few)/);
    expect(d.quotes.length).toBeGreaterThan(0);
    // Quotes only from customers whose latest quote consent for that session is yes.
    const ok = await db.all<{ bad: number }>(sql`SELECT count(*) AS bad FROM room_notes n
      JOIN invitations i ON i.session_id = n.session_id AND i.customer_id = n.customer_id
      WHERE n.id IN (${sql.join(
        d.quotes.map((q) => sql`${q.noteId}`),
        sql`, `,
      )}) AND (SELECT k.granted FROM consents k WHERE k.invitation_id = i.id AND k.purpose = 'quote_anonymously'
        ORDER BY k.created_at DESC LIMIT 1) IS NOT 1`);
    expect(ok[0]?.bad).toBe(0);
  });

  it("filters by language and department through the URL's values", async () => {
    const all = await loadDashboard(staff.executive, readDashboardFilters({}));
    const zh = await loadDashboard(staff.executive, readDashboardFilters({ language: "zh" }));
    expect(zh.trends.totals.responses).toBeGreaterThan(0);
    expect(zh.trends.totals.responses).toBeLessThan(all.trends.totals.responses);
    const billing = all.facets.departments.find((x) => x.name === "Billing");
    const dept = await loadDashboard(staff.executive, readDashboardFilters({ department: billing?.id }));
    expect(dept.scorecards.departments.map((x) => x.name)).toEqual(["Billing"]);
    // A hand-edited URL falls back rather than failing.
    const odd = readDashboardFilters({ grain: "year", language: "xx", from: "yesterday" });
    expect(odd.grain).toBe("week");
    expect(odd.language).toBeUndefined();
  });
});

describe("the Pareto's counts", () => {
  it("count the listening log's tagged entries beside the room notes", async () => {
    const { listeningNotes, listeningNoteReasonCodes } = await import("@/db/schema");
    const f = readDashboardFilters({});
    const before = await loadDashboard(staff.executive, f);
    const code = before.pareto[0]!;
    const [note] = await db
      .insert(listeningNotes)
      .values({
        authorId: staff.agent.userId,
        heardAt: new Date(f.toMs - 3_600_000),
        channel: "phone",
        kind: "quote",
        text: "Heard on a call",
      })
      .returning();
    await db.insert(listeningNoteReasonCodes).values({ noteId: note!.id, reasonCodeId: code.id });
    const after = await loadDashboard(staff.executive, f);
    expect(after.pareto.find((p) => p.id === code.id)?.mentions).toBe(code.mentions + 1);
  });
});

describe("the numbers behind each chart (the table view, a page of its own)", () => {
  it("has the CSV's rows with headed columns, one table or all; an unknown table is not found", async () => {
    const { dashboardNumbers } = await import("@/server/analytics/dashboard-numbers");
    const f = readDashboardFilters({});
    const d = await loadDashboard(staff.executive, f);
    const [pareto] = await dashboardNumbers(staff.executive, f, "pareto");
    expect(pareto?.rows.map((r) => r.code)).toEqual(d.pareto.map((p) => p.number));
    expect(pareto?.columns.find((c) => c.key === "mentions")).toEqual({
      key: "mentions",
      label: "Mentions",
      numeric: true,
    });
    const all = await dashboardNumbers(staff.executive, f, undefined);
    expect(all.map((b) => b.table)).toEqual([
      "trends",
      "pareto",
      "emerging",
      "scorecards",
      "owners",
      "before-after",
    ]);
    await expect(dashboardNumbers(staff.executive, f, "secrets")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("dashboard exports", () => {
  it("CSV cells that a spreadsheet would run are escaped", async () => {
    const { reasonCodes, roomNotes, roomNoteReasonCodes, sessions } = await import("@/db/schema");
    const { dashboardCsv } = await import("@/server/analytics/dashboard-csv");
    const [code] = await db
      .insert(reasonCodes)
      .values({ number: 901, label: '=HYPERLINK("http://evil.example","x")' })
      .returning();
    const [session] = await db.select({ id: sessions.id }).from(sessions).limit(1);
    const [note] = await db
      .insert(roomNotes)
      .values({
        sessionId: session?.id ?? "",
        authorId: staff.facilitator.userId,
        kind: "summary",
        text: "Formula test",
        atSeconds: 1,
      })
      .returning();
    await db.insert(roomNoteReasonCodes).values({ noteId: note?.id ?? "", reasonCodeId: code?.id ?? "" });
    const d = await loadDashboard(staff.executive, readDashboardFilters({}));
    const csv = dashboardCsv(d, "pareto");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const all = dashboardCsv(d, "all");
    for (const title of [
      "Trends by week",
      "Reason codes (Pareto)",
      "Department scorecards",
      "Scorecards per owner",
    ])
      expect(all).toContain(title);
  });

  it("the PDF is drawn without a browser, with the CJK font embedded (subset)", async () => {
    const { dashboardPdfFor } = await import("@/server/analytics/dashboard-pdf-for");
    const started = performance.now();
    const { pdf } = await dashboardPdfFor(staff.executive, readDashboardFilters({ language: "zh" }));
    const ms = performance.now() - started;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/NotoSansHans-Regular/);
    // Subset embedding: the 8 MB font does not come along whole.
    expect(pdf.length).toBeLessThan(1_500_000);
    console.info(`dashboard PDF: ${(pdf.length / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms`);
  });
});

describe("proactive outreach", () => {
  it("drafts per language for those who agreed to contact, and sends only once reviewed", async () => {
    const { outbox, reasonCodes } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { outreachDraft } = await import("@/server/analytics/outreach-draft");
    const { sendOutreach } = await import("@/server/analytics/send-outreach");
    const [code] = await db.select().from(reasonCodes).where(eq(reasonCodes.number, SPIKE_CODE));
    const draft = await outreachDraft(staff.executive, code?.id ?? "");
    const total = draft.languages.reduce((t, l) => t + l.recipients, 0);
    expect(total).toBeGreaterThan(0);
    const before = await db.select().from(outbox).where(eq(outbox.kind, "outreach"));
    const edited = Object.fromEntries(
      draft.languages.flatMap((l) => [
        [`subject_${l.language}`, `${l.subject} (edited)`],
        [`body_${l.language}`, `${l.body}\n\nEdited by a person before sending.`],
      ]),
    );
    // Not confirmed: refused, nothing queued.
    await expect(
      sendOutreach(staff.executive, { reasonCodeId: code?.id ?? "", ...edited } as never),
    ).rejects.toThrow();
    expect((await db.select().from(outbox).where(eq(outbox.kind, "outreach"))).length).toBe(before.length);
    // A language with recipients left empty: refused.
    const first = draft.languages[0]?.language;
    await expect(
      sendOutreach(staff.executive, {
        reasonCodeId: code?.id ?? "",
        ...edited,
        [`body_${first}`]: undefined,
        reviewed: "yes",
      }),
    ).rejects.toThrow();
    const { sent } = await sendOutreach(staff.executive, {
      reasonCodeId: code?.id ?? "",
      ...edited,
      reviewed: "yes",
    });
    expect(sent).toBe(total);
    const queued = (await db.select().from(outbox).where(eq(outbox.kind, "outreach"))).slice(before.length);
    expect(queued).toHaveLength(total);
    for (const m of queued) expect(m.subject).toMatch(/\(edited\)$/);
    expect(queued.every((m) => m.text.includes("Edited by a person before sending."))).toBe(true);
  });
});

describe("role homes and the sessions list", () => {
  it("gives each role its day: sessions to prepare, triage, verification, due actions", async () => {
    const { staffHome } = await import("@/server/home/staff-home");
    const f = await staffHome(staff.facilitator);
    expect(f.triage?.comments).toBeGreaterThanOrEqual(0);
    expect(f.upcoming.every((s) => s.startsAt >= Date.now() - 3 * 3600_000)).toBe(true);
    const agent = await staffHome(staff.agent);
    expect(agent.triage).toBeNull();
    expect(agent.toVerify).toEqual([]);
    const owner = await staffHome(staff.owner);
    expect(owner.isHead).toBe(true);
    expect(owner.due.every((a) => a.deadline < Date.now() + 7 * 86400_000)).toBe(true);
  });

  it("filters the sessions list by view, search and format", async () => {
    const { listSessionsPage } = await import("@/server/sessions/list-sessions");
    const all = await listSessionsPage(staff.facilitator, { view: "all" });
    const upcoming = await listSessionsPage(staff.facilitator, { view: "upcoming" });
    const past = await listSessionsPage(staff.facilitator, { view: "past" });
    const cancelled = await listSessionsPage(staff.facilitator, { view: "cancelled" });
    expect(upcoming.total + past.total + cancelled.total).toBe(all.total);
    expect(upcoming.rows.every((s) => s.status !== "cancelled" && s.status !== "ended")).toBe(true);
    expect(cancelled.rows.every((s) => s.status === "cancelled")).toBe(true);
    // Upcoming reads soonest first.
    const starts = upcoming.rows.map((s) => s.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const word = all.rows[0]?.title.split(" ")[0] ?? "";
    const found = await listSessionsPage(staff.facilitator, { view: "all", q: word.toLowerCase() });
    expect(found.rows.every((s) => s.title.toLowerCase().includes(word.toLowerCase()))).toBe(true);
    expect((await listSessionsPage(staff.facilitator, { view: "all", q: "100%_\\" })).total).toBe(0);
    const panels = await listSessionsPage(staff.facilitator, { view: "all", format: "panel" });
    expect(panels.rows.every((s) => s.format === "panel")).toBe(true);
  });
});
