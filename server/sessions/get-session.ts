import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { customers, invitations, sessionStaff, users } from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { can } from "@/server/auth/policy";

/** A session with its staff and RSVP board. Accommodations only for roles allowed to see them. */
export async function getSessionDetail(actor: Actor, sessionId: string) {
  const { session, staffIds } = await authorizeSession(actor, sessionId, "session.read");
  const seesPeople = can(actor, "customer.list");
  const seesNeeds = can(actor, "customer.accessibility.read");
  const canManage = can(actor, "session.manage", { sessionFacilitatorId: session.facilitatorId, sessionId });
  const canBrief = can(actor, "session.briefing", {
    sessionFacilitatorId: session.facilitatorId,
    sessionId,
    sessionStaffIds: staffIds,
  });
  const staff = await db
    .select({ userId: users.id, name: users.name, role: users.role, roomRole: sessionStaff.roomRole })
    .from(sessionStaff)
    .innerJoin(users, eq(users.id, sessionStaff.userId))
    .where(eq(sessionStaff.sessionId, sessionId))
    .orderBy(asc(users.name));
  const rows = await db
    .select({
      id: invitations.id,
      status: invitations.status,
      respondedAt: invitations.respondedAt,
      payoutStatus: invitations.payoutStatus,
      accommodations: invitations.accommodations,
      accommodationOther: invitations.accommodationOther,
      customerId: invitations.customerId,
      customerName: customers.name,
      language: customers.language,
    })
    .from(invitations)
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .where(eq(invitations.sessionId, sessionId))
    .orderBy(asc(invitations.createdAt));
  const board = rows.map((r, i) => ({
    id: r.id,
    status: r.status,
    respondedAt: r.respondedAt,
    language: r.language,
    payoutStatus: r.payoutStatus,
    // Roles without access to personal data see a numbered guest, not a name.
    name: seesPeople ? (r.customerName ?? "Withdrawn guest") : `Guest ${i + 1}`,
    // Absent (not merely hidden) for roles that may not see needs.
    ...(seesNeeds ? { accommodations: r.accommodations, accommodationOther: r.accommodationOther } : {}),
  }));
  if (seesNeeds) await audit(db, actor, "read_accommodations", "session", sessionId);
  // Who is already invited, so the invite picker can leave them out (personal data: same gate).
  const invitedCustomerIds = seesPeople ? rows.map((r) => r.customerId) : [];
  return { session, staff, board, canManage, canBrief, seesPeople, seesNeeds, invitedCustomerIds };
}
