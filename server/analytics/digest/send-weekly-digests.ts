import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { bucketStart } from "@/lib/domain/rollups";
import { csatPercent, netPromoterScore } from "@/lib/scoring";
import { formatP } from "@/lib/stats/sentences";
import { appLink } from "@/server/mail/customer-mails";
import { type MailBlock, renderMail } from "@/server/mail/render";
import { enqueueEmail } from "@/server/notify/outbox";
import { computeEmergingIssues } from "../emerging-issues";
import { findTellingQuotes } from "../quotes";

export const WEEKLY_DIGEST_JOB = "analytics.weekly-digest";
/** Mondays 07:00 UTC: the week just ended against the one before. */
export const WEEKLY_DIGEST_PATTERN = "0 7 * * 1";
const WEEK = 7 * 86_400_000;

type Scores = { responses: number; csat: number | null; nps: number | null; ces: number | null };

async function weekScores(db: Db, weekStart: number): Promise<Scores> {
  const [r] = await db.all<{
    n: number;
    cc: number;
    nc: number;
    sat: number;
    pro: number;
    det: number;
    cn: number;
    cs: number;
  }>(sql`
    SELECT coalesce(sum(responses), 0) AS n, coalesce(sum(csat_count), 0) AS cc, coalesce(sum(nps_count), 0) AS nc,
      coalesce(sum(csat_satisfied), 0) AS sat, coalesce(sum(nps_promoters), 0) AS pro, coalesce(sum(nps_detractors), 0) AS det,
      coalesce(sum(ces_count), 0) AS cn, coalesce(sum(ces_sum), 0) AS cs
    FROM response_rollups WHERE grain = 'week' AND bucket = ${weekStart}`);
  return {
    responses: r?.n ?? 0,
    csat: csatPercent(r?.sat ?? 0, r?.cc ?? 0),
    nps: netPromoterScore(r?.pro ?? 0, r?.det ?? 0, r?.nc ?? 0),
    ces: r?.cn ? Math.round(((r?.cs ?? 0) / r.cn) * 100) / 100 : null,
  };
}

const change = (label: string, now: number | null, before: number | null, unit = "") =>
  now === null
    ? `${label}: no answers this week`
    : `${label}: ${now}${unit}${before === null ? "" : ` (${now >= before ? "+" : ""}${Math.round((now - before) * 10) / 10} on the week before)`}`;

/**
 * The weekly digest for every subscriber still entitled to it (executives, department heads):
 * last week's scores against the week before, emerging issues, overdue actions (a head's own
 * departments; everything for executives), three quotes. Each person's row in digest_deliveries
 * is inserted in the same transaction as their email, so two workers, a retry or a second run of
 * the same week queue it once.
 */
export async function sendWeeklyDigests(db: Db, at: Date): Promise<{ sent: number }> {
  const weekStart = bucketStart("week", at) - WEEK;
  const [scores, before, emerging] = await Promise.all([
    weekScores(db, weekStart),
    weekScores(db, weekStart - WEEK),
    computeEmergingIssues({}, at),
  ]);
  const codes = emerging.flagged.map((e) => e.id);
  const top = await db.all<{ id: string }>(sql`SELECT reason_code_id AS id FROM reason_code_rollups
    WHERE grain = 'week' AND bucket = ${weekStart} GROUP BY reason_code_id ORDER BY sum(mentions) DESC LIMIT 3`);
  const quotes = (
    await findTellingQuotes([...new Set([...codes, ...top.map((t) => t.id)])], { perCode: 1 }, at)
  ).slice(0, 3);
  const people = await db.all<{ id: string; email: string; role: string; heads: string | null }>(sql`
    SELECT u.id, u.email, u.role,
      (SELECT group_concat(m.department_id) FROM department_members m WHERE m.user_id = u.id AND m.is_owner = 1) AS heads
    FROM digest_subscriptions s JOIN users u ON u.id = s.user_id WHERE u.active = 1`);
  const week = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(
    weekStart,
  );
  let sent = 0;
  for (const p of people) {
    const heads = p.heads ? p.heads.split(",") : [];
    if (p.role !== "executive" && p.role !== "admin" && heads.length === 0) continue; // no longer entitled
    const scope =
      p.role === "executive" || p.role === "admin" || heads.length === 0
        ? sql``
        : sql`AND a.department_id IN (${sql.join(
            heads.map((h) => sql`${h}`),
            sql`, `,
          )})`;
    const overdue = await db.all<{
      title: string;
      department: string;
    }>(sql`SELECT a.title, d.name AS department
      FROM actions a JOIN departments d ON d.id = a.department_id
      WHERE a.status IN ('open','in_progress') AND a.deadline < ${at.getTime()} ${scope} ORDER BY a.deadline LIMIT 50`);
    const blocks: MailBlock[] = [
      { paragraph: `${scores.responses} answers in the week of ${week}.` },
      {
        paragraph: [
          change("CSAT", scores.csat, before.csat, "%"),
          change("NPS", scores.nps, before.nps),
          change("CES", scores.ces, before.ces),
        ].join(" · "),
      },
      {
        paragraph: emerging.flagged.length
          ? `Emerging: ${emerging.flagged.map((e) => `#${e.number} ${e.label} (${e.current} against ${e.baselineMean.toFixed(1)} a week, ${formatP(e.adjustedP)})`).join("; ")}.`
          : "No reason code is rising above its usual level.",
      },
      {
        paragraph: overdue.length
          ? `${overdue.length === 50 ? "50 or more" : overdue.length} overdue actions${heads.length && p.role !== "executive" ? " in your departments" : ""}: ${overdue
              .slice(0, 5)
              .map((o) => `${o.title} (${o.department})`)
              .join("; ")}${overdue.length > 5 ? "; …" : ""}.`
          : "No action is overdue.",
      },
      ...quotes.map((q) => ({ paragraph: `“${q.text}” — #${q.codeNumber} ${q.codeLabel}` })),
      { button: { label: "Open the dashboard", href: appLink("/dashboard") } },
      {
        small:
          "You receive this because you asked for the weekly digest. Turn it off on the dashboard or your home page.",
      },
    ];
    const mail = renderMail({ lang: "en", heading: `The week of ${week}`, blocks });
    const queued = await db.transaction(async (tx) => {
      const inserted = await tx.run(
        sql`INSERT INTO digest_deliveries (user_id, week_start, created_at) VALUES (${p.id}, ${weekStart}, ${Date.now()})
          ON CONFLICT DO NOTHING`,
      );
      if (inserted.rowsAffected !== 1) return false;
      await enqueueEmail(tx, {
        kind: "weekly_digest",
        to: p.email,
        subject: `Customer feedback, week of ${week}`,
        ...mail,
      });
      return true;
    });
    if (queued) sent++;
  }
  return { sent };
}
