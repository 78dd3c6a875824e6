import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

const DAY = 86_400_000;

export type DashboardQuote = {
  noteId: string;
  text: string;
  codeNumber: number;
  codeLabel: string;
  sessionTitle: string;
  at: number;
};

/**
 * The most recent quotes heard in sessions of the last 30 days, for the reason codes asked for
 * (the top of the Pareto), at most `perCode` each. Only from customers whose latest answer to
 * "may we quote you anonymously" for that session is yes, never erased ones, and never a name:
 * the quote's text, its code and the session title only.
 */
export async function tellingQuotes(
  actor: Actor,
  codeIds: string[],
  opts: { perCode?: number; department?: string } = {},
  now = new Date(),
): Promise<DashboardQuote[]> {
  assertCan(actor, "dashboard.read");
  return findTellingQuotes(codeIds, opts, now);
}

/** The query, for callers that authorized already or run as the system (the digest job). */
export async function findTellingQuotes(
  codeIds: string[],
  opts: { perCode?: number; department?: string },
  now: Date,
): Promise<DashboardQuote[]> {
  if (codeIds.length === 0) return [];
  const perCode = opts.perCode ?? 2;
  const since = now.getTime() - 30 * DAY;
  const dept = opts.department ? sql`AND n.department_id = ${opts.department}` : sql``;
  const rows = await db.all<DashboardQuote>(sql`SELECT note_id AS noteId, text, code_number AS codeNumber,
      code_label AS codeLabel, session_title AS sessionTitle, at FROM (
      SELECT n.id AS note_id, n.text, rc.number AS code_number, rc.label AS code_label, s.title AS session_title,
        n.created_at AS at,
        row_number() OVER (PARTITION BY l.reason_code_id ORDER BY n.created_at DESC) AS rn
      FROM sessions s
        JOIN room_notes n ON n.session_id = s.id
        JOIN room_note_reason_codes l ON l.note_id = n.id
        JOIN reason_codes rc ON rc.id = l.reason_code_id
        JOIN customers c ON c.id = n.customer_id AND c.erased_at IS NULL
        JOIN invitations i ON i.session_id = s.id AND i.customer_id = c.id
      WHERE s.starts_at >= ${since} AND n.kind = 'quote'
        AND l.reason_code_id IN (${sql.join(
          codeIds.map((id) => sql`${id}`),
          sql`, `,
        )}) ${dept}
        AND (SELECT k.granted FROM consents k WHERE k.invitation_id = i.id AND k.purpose = 'quote_anonymously'
             ORDER BY k.created_at DESC LIMIT 1) = 1
    ) WHERE rn <= ${perCode * 3} ORDER BY at DESC`);
  // The same words heard twice (or tagged with two codes) are shown once; then perCode per code.
  const seen = new Set<string>();
  const perCodeCount = new Map<number, number>();
  return rows.filter((q) => {
    const n = perCodeCount.get(q.codeNumber) ?? 0;
    if (seen.has(q.text) || n >= perCode) return false;
    seen.add(q.text);
    perCodeCount.set(q.codeNumber, n + 1);
    return true;
  });
}
