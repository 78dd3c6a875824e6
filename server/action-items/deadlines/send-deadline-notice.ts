import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db";
import { actionEvents, actions, departments, users } from "@/db/schema";
import { isOpenWork } from "@/lib/domain/action-statuses";
import { mailStaffAboutAction } from "../notify-staff";
import { NOTICES, noticeKey } from "./sweep-deadlines";

export const zDeadlineNotice = z.object({
  actionId: z.uuid(),
  notice: z.enum(NOTICES),
  deadline: z.number().int(),
});

/**
 * One reminder or escalation, as a job. In one transaction: the timeline entry under the notice's
 * dedupe key (unique: a second run — another worker, a retry after a crash — inserts nothing and
 * stops there) and the mail. An action done or re-dated since the sweep gets nothing.
 * Reminder → the owner; head → the department's head; executives → every active executive.
 */
export async function sendDeadlineNotice(db: Db, raw: Record<string, unknown>): Promise<"sent" | "skipped"> {
  const input = zDeadlineNotice.parse(raw);
  return db.transaction(async (tx) => {
    const item = await tx.query.actions.findFirst({ where: eq(actions.id, input.actionId) });
    if (!item || !isOpenWork(item.status) || item.deadline.getTime() !== input.deadline) return "skipped";
    const recipients =
      input.notice === "reminder"
        ? [item.ownerId]
        : input.notice === "escalated_head"
          ? (
              await tx
                .select({ id: departments.headId })
                .from(departments)
                .where(eq(departments.id, item.departmentId))
            )
              .map((d) => d.id)
              .filter((id): id is string => id !== null)
          : (
              await tx
                .select({ id: users.id })
                .from(users)
                .where(and(eq(users.role, "executive"), eq(users.active, true)))
            ).map((u) => u.id);
    const note =
      input.notice === "reminder"
        ? "Reminder sent to the owner"
        : input.notice === "escalated_head"
          ? recipients.length
            ? "Overdue: escalated to the department head"
            : "Overdue: the department has no head to escalate to"
          : `Still overdue: escalated to the executives (${recipients.length})`;
    const [entry] = await tx
      .insert(actionEvents)
      .values({
        actionId: item.id,
        actorId: null,
        kind: input.notice,
        dedupeKey: noticeKey(input.notice, item.id, item.deadline),
        toStatus: item.status,
        note,
      })
      .onConflictDoNothing({ target: actionEvents.dedupeKey })
      .returning({ id: actionEvents.id });
    if (!entry) return "skipped";
    await mailStaffAboutAction(tx, input.notice, item, recipients);
    return "sent";
  });
}
