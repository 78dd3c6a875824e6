import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { zAuditFilter } from "@/lib/validation/admin";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

export type AuditRow = {
  at: Date;
  actorType: string;
  actor: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
};

/** The newest audit entries (at most `limit`), filtered by resource type, id and action; admins only. */
export async function listAuditLog(actor: Actor, filter: unknown, limit = 200): Promise<AuditRow[]> {
  assertCan(actor, "audit.read");
  const f = zAuditFilter.parse(filter);
  const where: SQL[] = [];
  if (f.resourceType) where.push(eq(auditLog.resourceType, f.resourceType));
  if (f.resourceId) where.push(eq(auditLog.resourceId, f.resourceId));
  if (f.action) where.push(eq(auditLog.action, f.action));
  return db
    .select({
      at: auditLog.createdAt,
      actorType: auditLog.actorType,
      actor: users.name,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.createdAt))
    .limit(Math.min(Math.max(limit, 1), 5000));
}

/** The same entries as CSV (ids and codes only: the log holds no personal data). */
export function auditCsv(rows: AuditRow[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = rows.map((r) =>
    [r.at.toISOString(), r.actorType, r.actor ?? "", r.action, r.resourceType, r.resourceId ?? ""]
      .map(cell)
      .join(","),
  );
  return ["at,actor_type,actor,action,resource_type,resource_id", ...lines].join("\r\n");
}
