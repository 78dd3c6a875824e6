import "server-only";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { db } from "@/db";
import { actionEvents, actions, departmentMembers, departments, insights, users } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { ACTION_MOVES } from "@/lib/scoring";
import { zActionTransition, zCreateAction } from "@/lib/validation/insights";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { conflict, forbidden, invalid, notFound } from "@/server/errors";

/** Assigns an action on an insight to a department and a named owner in it, with a deadline. */
export async function createAction(actor: Actor, raw: unknown): Promise<{ id: string }> {
  if (actor.kind !== "staff" || !can(actor, "action.create")) throw forbidden();
  const input = zCreateAction.parse(raw);
  // The deadline is the end of that day in the assigner's zone.
  const deadline = zonedWallTimeToInstant(`${input.deadline}T23:59`, actor.timeZone);
  if (deadline.getTime() < Date.now())
    throw invalid("The deadline has passed", { deadline: ["Choose a future date"] });
  return db.transaction(async (tx) => {
    const insight = await tx.query.insights.findFirst({ where: eq(insights.id, input.insightId) });
    if (!insight) throw notFound("Insight not found");
    const member = await tx.query.departmentMembers.findFirst({
      where: and(
        eq(departmentMembers.departmentId, input.departmentId),
        eq(departmentMembers.userId, input.ownerId),
      ),
    });
    if (!member)
      throw invalid("The owner must belong to the department", { ownerId: ["Not in that department"] });
    const [row] = await tx
      .insert(actions)
      .values({ ...input, deadline, status: "open" })
      .returning({ id: actions.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(actionEvents)
      .values({ actionId: row.id, actorId: actor.userId, toStatus: "open", note: null });
    await audit(tx, actor, "create", "action", row.id);
    return row;
  });
}

const actionColumns = {
  id: actions.id,
  title: actions.title,
  status: actions.status,
  deadline: actions.deadline,
  resolutionNote: actions.resolutionNote,
  departmentId: actions.departmentId,
  department: departments.name,
  ownerId: actions.ownerId,
  owner: users.name,
  insightId: actions.insightId,
  insight: insights.title,
};

/** "My actions": those the actor owns, or that belong to a department the actor owns. */
export async function listMyActions(actor: Actor) {
  if (actor.kind !== "staff" || !can(actor, "action.read")) throw forbidden();
  const ownedDepartments = actor.departments.filter((d) => d.isOwner).map((d) => d.id);
  const mine = ownedDepartments.length
    ? or(eq(actions.ownerId, actor.userId), inArray(actions.departmentId, ownedDepartments))
    : eq(actions.ownerId, actor.userId);
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .innerJoin(insights, eq(insights.id, actions.insightId))
    .where(mine)
    .orderBy(asc(actions.deadline));
}

/** Every action (for facilitators verifying and executives following up). */
export async function listAllActions(actor: Actor) {
  if (!can(actor, "action.read")) throw forbidden();
  return db
    .select(actionColumns)
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .innerJoin(insights, eq(insights.id, actions.insightId))
    .orderBy(asc(actions.deadline));
}

/** One action with its timeline; another department's action looks missing. */
export async function getAction(actor: Actor, actionId: string) {
  if (!can(actor, "action.read")) throw forbidden();
  const [row] = await db
    .select(actionColumns)
    .from(actions)
    .innerJoin(departments, eq(departments.id, actions.departmentId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .innerJoin(insights, eq(insights.id, actions.insightId))
    .where(eq(actions.id, actionId));
  if (!row) throw notFound("Action not found");
  const timeline = await db
    .select({
      id: actionEvents.id,
      fromStatus: actionEvents.fromStatus,
      toStatus: actionEvents.toStatus,
      note: actionEvents.note,
      at: actionEvents.createdAt,
      actor: users.name,
    })
    .from(actionEvents)
    .innerJoin(users, eq(users.id, actionEvents.actorId))
    .where(eq(actionEvents.actionId, actionId))
    .orderBy(desc(actionEvents.createdAt));
  const resource = { departmentId: row.departmentId, ownerId: row.ownerId };
  return {
    ...row,
    timeline,
    canWork: can(actor, "action.work", resource),
    canVerify: can(actor, "action.verify"),
  };
}

/**
 * Moves an action along open → in progress → done → verified (or back to open). Owners work it;
 * done needs a resolution note; only facilitators/admins verify or reopen a done action.
 */
export async function transitionAction(actor: Actor, raw: unknown): Promise<void> {
  if (actor.kind !== "staff") throw forbidden();
  const input = zActionTransition.parse(raw);
  await db.transaction(async (tx) => {
    const action = await tx.query.actions.findFirst({ where: eq(actions.id, input.actionId) });
    if (!action) throw notFound("Action not found");
    const resource = { departmentId: action.departmentId, ownerId: action.ownerId };
    const verifying =
      input.to === "verified" ||
      (action.status === "done" && input.to === "open") ||
      action.status === "verified";
    const allowed = verifying ? can(actor, "action.verify") : can(actor, "action.work", resource);
    if (!allowed) throw notFound("Action not found");
    if (!ACTION_MOVES[action.status]?.includes(input.to)) {
      throw conflict(
        `An action that is ${action.status.replace("_", " ")} cannot move to ${input.to.replace("_", " ")}`,
      );
    }
    if (input.to === "done" && !input.note) {
      throw invalid("Say what was done", { note: ["A resolution note is needed to close an action"] });
    }
    const now = new Date();
    await tx
      .update(actions)
      .set({
        status: input.to,
        ...(input.to === "done" ? { resolutionNote: input.note, doneAt: now } : {}),
        ...(input.to === "verified" ? { verifiedAt: now } : {}),
        ...(input.to === "open" ? { doneAt: null, verifiedAt: null } : {}),
      })
      .where(and(eq(actions.id, action.id), eq(actions.status, action.status)));
    await tx.insert(actionEvents).values({
      actionId: action.id,
      actorId: actor.userId,
      fromStatus: action.status,
      toStatus: input.to,
      note: input.note || null,
    });
    await audit(tx, actor, `move_${input.to}`, "action", action.id);
  });
}

/** Departments with their members, for the action form. */
export async function listDepartmentsWithMembers(actor: Actor) {
  if (!can(actor, "action.create")) throw forbidden();
  const rows = await db
    .select({
      departmentId: departments.id,
      department: departments.name,
      userId: users.id,
      name: users.name,
      isOwner: departmentMembers.isOwner,
    })
    .from(departmentMembers)
    .innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
    .innerJoin(users, eq(users.id, departmentMembers.userId))
    .where(eq(users.active, true))
    .orderBy(asc(departments.name), asc(users.name));
  const map = new Map<
    string,
    { id: string; name: string; members: { id: string; name: string; isOwner: boolean }[] }
  >();
  for (const r of rows) {
    const d = map.get(r.departmentId) ?? { id: r.departmentId, name: r.department, members: [] };
    d.members.push({ id: r.userId, name: r.name, isOwner: r.isOwner });
    map.set(r.departmentId, d);
  }
  return [...map.values()];
}
