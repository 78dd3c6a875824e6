import "server-only";
import { and, count, eq, gte, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  insightReasonCodes,
  insights,
  listeningNoteReasonCodes,
  listeningNotes,
  reasonCodeRollups,
  reasonCodes,
} from "@/db/schema";
import { bucketStart } from "@/lib/domain/rollups";
import { monthlyCost } from "@/lib/scoring";
import type { DashboardFilters } from "@/lib/validation/dashboard";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { reasonCodeRollupWhere } from "./reason-code-filter";

export type ParetoRow = {
  id: string;
  number: number;
  label: string;
  mentions: number;
  share: number;
  cumulativeShare: number;
  /** Sum of the estimated monthly cost of the insights carrying this code (null: none). */
  monthlyCost: number | null;
};

/**
 * Reason codes by how often they were heard in the range (tagged room notes, from the rollup, and
 * tagged listening-log entries, counted by their heard-at index: staff-typed, so few), largest first, with the cumulative share and the insights' estimated monthly cost.
 */
export async function reasonCodePareto(actor: Actor, f: DashboardFilters): Promise<ParetoRow[]> {
  assertCan(actor, "dashboard.read");
  // Weeks are the finest grain that stays small over years; the range starts at its week.
  const grain = f.toMs - f.fromMs > 400 * 86_400_000 ? "month" : "week";
  const counts = await db
    .select({ id: reasonCodeRollups.reasonCodeId, mentions: sql<number>`sum(${reasonCodeRollups.mentions})` })
    .from(reasonCodeRollups)
    .where(reasonCodeRollupWhere(grain, f.department, f.fromMs, f.toMs))
    .groupBy(reasonCodeRollups.reasonCodeId);
  const heard = await db
    .select({ id: listeningNoteReasonCodes.reasonCodeId, mentions: count() })
    .from(listeningNoteReasonCodes)
    .innerJoin(listeningNotes, eq(listeningNotes.id, listeningNoteReasonCodes.noteId))
    .where(
      and(
        gte(listeningNotes.heardAt, new Date(bucketStart(grain, f.fromMs))),
        lt(listeningNotes.heardAt, new Date(f.toMs)),
        f.department ? eq(listeningNotes.departmentId, f.department) : undefined,
      ),
    )
    .groupBy(listeningNoteReasonCodes.reasonCodeId);
  const merged = new Map<string, number>();
  for (const c of [...counts, ...heard]) merged.set(c.id, (merged.get(c.id) ?? 0) + Number(c.mentions));
  const codes = await db
    .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
    .from(reasonCodes);
  const costed = await db
    .select({
      codeId: insightReasonCodes.reasonCodeId,
      contactsPerMonth: insights.contactsPerMonth,
      handlingMinutes: insights.handlingMinutes,
      hourlyCost: insights.hourlyCost,
      customersAtRisk: insights.customersAtRisk,
      lifetimeValue: insights.lifetimeValue,
    })
    .from(insightReasonCodes)
    .innerJoin(insights, eq(insights.id, insightReasonCodes.insightId));
  const cost = new Map<string, number>();
  for (const c of costed) cost.set(c.codeId, (cost.get(c.codeId) ?? 0) + monthlyCost(c));
  const label = new Map(codes.map((c) => [c.id, c]));
  const rows = [...merged]
    .map(([id, mentions]) => ({ id, mentions }))
    .filter((c) => c.mentions > 0 && label.has(c.id))
    .sort(
      (a, b) => b.mentions - a.mentions || (label.get(a.id)?.number ?? 0) - (label.get(b.id)?.number ?? 0),
    );
  const total = rows.reduce((t, r) => t + r.mentions, 0);
  let running = 0;
  return rows.map((r) => {
    running += r.mentions;
    const code = label.get(r.id);
    return {
      id: r.id,
      number: code?.number ?? 0,
      label: code?.label ?? "",
      mentions: r.mentions,
      share: r.mentions / total,
      cumulativeShare: running / total,
      monthlyCost: cost.get(r.id) ?? null,
    };
  });
}
