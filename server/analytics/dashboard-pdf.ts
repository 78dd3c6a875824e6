import "server-only";
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import PDFDocument from "pdfkit";
import { CHART } from "@/lib/chart-palette";
import { EMERGING_TEST_DESCRIPTION } from "@/lib/stats/emerging";
import { formatP } from "@/lib/stats/sentences";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { DashboardData } from "./load-dashboard";
import { pdfFontPaths } from "./pdf-font";

const day = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  maximumFractionDigits: 0,
});
const A4 = { width: 595.28, height: 841.89, margin: 40 };
const CONTENT = A4.width - 2 * A4.margin;

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, text: string) {
  if (doc.y > A4.height - 160) doc.addPage();
  doc.moveDown(0.6).font("bold").fontSize(13).fillColor(CHART.text).text(text, A4.margin);
  doc.moveDown(0.2).font("regular").fontSize(9);
}

function para(doc: Doc, text: string, size = 9, colour: string = CHART.text) {
  doc.font("regular").fontSize(size).fillColor(colour).text(text, A4.margin, undefined, { width: CONTENT });
}

/** A trend line drawn with the same scales as the page's SVG. */
function trend(
  doc: Doc,
  x0: number,
  y0: number,
  w: number,
  h: number,
  title: string,
  points: { label: string; value: number | null; n: number }[],
  domain: [number, number],
  colour: string,
) {
  doc.font("bold").fontSize(9).fillColor(CHART.text).text(title, x0, y0, { width: w });
  const top = y0 + 14;
  const bottom = top + h - 28;
  const x = scalePoint<string>()
    .domain(points.map((p) => p.label))
    .range([x0 + 24, x0 + w - 4])
    .padding(0.5);
  const y = scaleLinear().domain(domain).range([bottom, top]).nice();
  doc.font("regular").fontSize(6).fillColor(CHART.axis);
  for (const t of y.ticks(4)) {
    doc
      .moveTo(x0 + 24, y(t))
      .lineTo(x0 + w - 4, y(t))
      .lineWidth(0.4)
      .strokeColor(CHART.grid)
      .stroke();
    doc.text(String(t), x0, y(t) - 3, { width: 20, align: "right" });
  }
  let started = false;
  for (const p of points) {
    if (p.value === null) {
      started = false;
      continue;
    }
    const px = x(p.label) ?? 0;
    const py = y(p.value);
    if (started) doc.lineTo(px, py);
    else doc.moveTo(px, py);
    started = true;
  }
  doc.lineWidth(1.5).strokeColor(colour).stroke();
  for (const p of points) {
    const px = x(p.label) ?? 0;
    if (p.value !== null) doc.circle(px, y(p.value), 1.8).fillColor(colour).fill();
    doc
      .fillColor(CHART.axis)
      .fontSize(5)
      .text(String(p.n), px - 8, bottom + 3, { width: 16, align: "center" });
  }
  const every = Math.max(1, Math.ceil(points.length / 6));
  points.forEach((p, i) => {
    if (i % every === 0)
      doc.fontSize(6).text(p.label, (x(p.label) ?? 0) - 15, bottom + 11, { width: 30, align: "center" });
  });
}

function table(doc: Doc, header: string[], rows: (string | number | null)[][], widths: number[]) {
  const draw = (cells: (string | number | null)[], bold: boolean) => {
    if (doc.y > A4.height - 60) doc.addPage();
    const y = doc.y;
    let x = A4.margin;
    let tallest = 0;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 60;
      doc
        .font(bold ? "bold" : "regular")
        .fontSize(8)
        .fillColor(CHART.text);
      const text = c === null ? "—" : String(c);
      doc.text(text, x, y, { width: w - 4, align: i === 0 ? "left" : "right" });
      tallest = Math.max(tallest, doc.heightOfString(text, { width: w - 4 }));
      x += w;
    });
    doc.y = y + tallest + 3;
    doc
      .moveTo(A4.margin, doc.y - 1.5)
      .lineTo(A4.margin + widths.reduce((a, b) => a + b, 0), doc.y - 1.5)
      .lineWidth(0.3)
      .strokeColor(CHART.grid)
      .stroke();
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.x = A4.margin;
}

/** The dashboard as filtered, as a PDF: the same numbers, the charts drawn with the same scales. */
export async function dashboardPdf(
  d: DashboardData,
  f: DashboardFilters,
  filterText: string,
): Promise<Buffer> {
  const fonts = pdfFontPaths();
  const doc = new PDFDocument({
    size: "A4",
    margin: A4.margin,
    info: { Title: "What customers are telling us" },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  doc.font("bold").fontSize(18).fillColor(CHART.text).text("What customers are telling us", A4.margin);
  para(
    doc,
    `${day.format(f.fromMs)} to ${day.format(f.toMs - 86_400_000)} · ${filterText} · figures as of ${d.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    8,
    CHART.axis,
  );
  const t = d.trends.totals;
  doc.moveDown(0.5);
  para(
    doc,
    `CSAT ${t.csat ?? "—"}%   ·   NPS ${t.nps ?? "—"}   ·   CES ${t.ces ?? "—"}   ·   Response rate ${t.responseRate ?? "—"}%   ·   ${t.responses} responses`,
    11,
  );

  heading(doc, "Emerging issues");
  if (d.emerging.flagged.length === 0) para(doc, "Nothing is rising above its usual level this week.");
  for (const e of d.emerging.flagged)
    para(
      doc,
      `#${e.number} ${e.label}: ${e.current} this week against ${e.baselineMean.toFixed(1)} a week before (${formatP(e.adjustedP)}, corrected for ${d.emerging.tested} codes).`,
    );
  para(doc, EMERGING_TEST_DESCRIPTION, 7, CHART.axis);

  heading(doc, `Trends by ${d.trends.grain} (n under each point)`);
  const top = doc.y;
  const w = CONTENT / 2 - 6;
  const pts = (
    k: "csat" | "nps" | "ces" | "responseRate",
    n: (b: (typeof d.trends.buckets)[number]) => number,
  ) => d.trends.buckets.map((b) => ({ label: b.label, value: b[k], n: n(b) }));
  trend(
    doc,
    A4.margin,
    top,
    w,
    130,
    "CSAT %",
    pts("csat", (b) => b.csatCount),
    [0, 100],
    CHART.blue,
  );
  trend(
    doc,
    A4.margin + w + 12,
    top,
    w,
    130,
    "NPS",
    pts("nps", (b) => b.npsCount),
    [-100, 100],
    CHART.green,
  );
  trend(
    doc,
    A4.margin,
    top + 140,
    w,
    130,
    "CES (1–7)",
    pts("ces", (b) => b.cesCount),
    [1, 7],
    CHART.purple,
  );
  trend(
    doc,
    A4.margin + w + 12,
    top + 140,
    w,
    130,
    "Response rate %",
    pts("responseRate", (b) => b.sent),
    [0, 100],
    CHART.vermillion,
  );
  doc.y = top + 285;
  doc.x = A4.margin;

  heading(doc, "Why they get in touch (Pareto of reason codes)");
  const bars = d.pareto.slice(0, 10);
  if (bars.length) {
    const y0 = doc.y;
    const h = 120;
    const x = scaleBand<string>()
      .domain(bars.map((b) => b.id))
      .range([A4.margin + 24, A4.margin + CONTENT - 30])
      .padding(0.2);
    const y = scaleLinear()
      .domain([0, Math.max(1, ...bars.map((b) => b.mentions))])
      .range([y0 + h, y0])
      .nice();
    const share = scaleLinear()
      .domain([0, 1])
      .range([y0 + h, y0]);
    for (const b of bars) {
      doc
        .rect(x(b.id) ?? 0, y(b.mentions), x.bandwidth(), y0 + h - y(b.mentions))
        .fillColor(CHART.blue)
        .fill();
      doc
        .fillColor(CHART.axis)
        .fontSize(7)
        .text(`#${b.number}`, (x(b.id) ?? 0) - 4, y0 + h + 3, { width: x.bandwidth() + 8, align: "center" });
    }
    bars.forEach((b, i) => {
      const px = (x(b.id) ?? 0) + x.bandwidth() / 2;
      if (i === 0) doc.moveTo(px, share(b.cumulativeShare));
      else doc.lineTo(px, share(b.cumulativeShare));
    });
    doc.lineWidth(1.2).dash(4, { space: 2 }).strokeColor(CHART.vermillion).stroke().undash();
    doc.y = y0 + h + 16;
    doc.x = A4.margin;
  }
  table(
    doc,
    ["Reason code", "Mentions", "Cumulative", "Est. monthly cost"],
    d.pareto.map((r) => [
      `#${r.number} ${r.label}`,
      r.mentions,
      `${Math.round(r.cumulativeShare * 100)}%`,
      r.monthlyCost === null ? null : money.format(r.monthlyCost),
    ]),
    [275, 70, 70, 100],
  );

  if (d.quotes.length) {
    heading(doc, "In their words (customers who agreed to be quoted; no names)");
    for (const q of d.quotes) {
      para(doc, `“${q.text}”`, 10);
      para(doc, `#${q.codeNumber} ${q.codeLabel} · ${q.sessionTitle} · ${day.format(q.at)}`, 7, CHART.axis);
      doc.moveDown(0.3);
    }
  }

  if (d.comparison) {
    heading(
      doc,
      `Before and after ${day.format(d.comparison.fixMs)}${d.comparison.about ? ` (“${d.comparison.about}” verified)` : ""}`,
    );
    for (const p of d.comparison.parts) para(doc, p.sentence);
    para(
      doc,
      `Tests: ${d.comparison.parts.map((p) => `${p.measure} — ${p.comparison.test}`).join("; ")}.`,
      7,
      CHART.axis,
    );
  }

  heading(doc, "Department scorecards");
  table(
    doc,
    ["Department", "Open", "Overdue", "On time", "Median days", "Reopened"],
    d.scorecards.departments.map((s) => [
      s.name,
      s.open,
      s.overdue,
      s.onTimeRate === null ? null : `${s.onTimeRate}%`,
      s.medianDaysToClose,
      s.reopened,
    ]),
    [185, 60, 60, 70, 70, 70],
  );
  doc.end();
  return done;
}
