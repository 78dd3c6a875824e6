import "server-only";
import { asc, sql } from "drizzle-orm";
import { db } from "@/db";
import { departments, reasonCodes, responseRollups } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** What the dashboard's filters offer: segments seen in the rollups (not the customer table), departments, codes. */
export async function dashboardFacets(actor: Actor) {
  assertCan(actor, "dashboard.read");
  const [segments, depts, codes] = await Promise.all([
    db
      .selectDistinct({ segment: responseRollups.segment })
      .from(responseRollups)
      .where(sql`${responseRollups.grain} = 'month'`)
      .orderBy(asc(responseRollups.segment)),
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
    db
      .select({ id: reasonCodes.id, number: reasonCodes.number, label: reasonCodes.label })
      .from(reasonCodes)
      .orderBy(asc(reasonCodes.number)),
  ]);
  return {
    segments: segments.map((s) => s.segment).filter((s) => s !== ""),
    departments: depts,
    reasonCodes: codes,
  };
}
