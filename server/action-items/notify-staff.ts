import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { type Action, departments, users } from "@/db/schema";
import { enqueueEmail } from "@/server/notify/outbox";
import { type ActionMailKind, actionMail } from "./action-mails";

/**
 * Queues one action mail to each of `userIds` (active staff only) in the caller's transaction,
 * with the deadline in each recipient's own zone. Returns how many were queued.
 */
export async function mailStaffAboutAction(
  tx: Tx,
  kind: ActionMailKind,
  action: Pick<Action, "id" | "title" | "departmentId" | "ownerId" | "deadline">,
  userIds: string[],
  note?: string | null,
): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const recipients = await tx
    .select({ email: users.email, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const [names] = await tx
    .select({
      department: departments.name,
      owner: users.name,
    })
    .from(departments)
    .innerJoin(users, eq(users.id, action.ownerId))
    .where(eq(departments.id, action.departmentId));
  for (const r of recipients) {
    const mail = actionMail(kind, {
      actionId: action.id,
      title: action.title,
      department: names?.department ?? "",
      owner: names?.owner ?? "",
      deadline: action.deadline,
      timeZone: r.timeZone,
      note,
    });
    await enqueueEmail(tx, { kind: `action.${kind}`, to: r.email, ...mail });
  }
  return recipients.length;
}
