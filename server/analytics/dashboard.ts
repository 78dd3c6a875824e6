import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { actions, departments, surveyResponses } from "@/db/schema";
import { csatPercent, netPromoterScore } from "@/lib/scoring";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden } from "@/server/errors";

/** Headline scores and per-department action health, from live queries. */
export async function dashboardSummary(actor: Actor, now = new Date()) {
  if (!can(actor, "dashboard.read")) throw forbidden();
  const [scores] = await db
    .select({
      total: sql<number>`count(*)`,
      satisfied: sql<number>`coalesce(sum(${surveyResponses.csat} >= 4), 0)`,
      promoters: sql<number>`coalesce(sum(${surveyResponses.nps} >= 9), 0)`,
      detractors: sql<number>`coalesce(sum(${surveyResponses.nps} <= 6), 0)`,
    })
    .from(surveyResponses);
  const nowMs = now.getTime();
  const perDepartment = await db
    .select({
      id: departments.id,
      name: departments.name,
      open: sql<number>`coalesce(sum(${actions.status} IN ('open','in_progress')), 0)`,
      overdue: sql<number>`coalesce(sum(${actions.status} IN ('open','in_progress') AND ${actions.deadline} < ${nowMs}), 0)`,
      done: sql<number>`coalesce(sum(${actions.status} IN ('done','verified')), 0)`,
    })
    .from(departments)
    .leftJoin(actions, sql`${actions.departmentId} = ${departments.id}`)
    .groupBy(departments.id, departments.name)
    .orderBy(departments.name);
  const total = scores?.total ?? 0;
  return {
    responses: total,
    csat: csatPercent(scores?.satisfied ?? 0, total),
    nps: netPromoterScore(scores?.promoters ?? 0, scores?.detractors ?? 0, total),
    departments: perDepartment,
  };
}
