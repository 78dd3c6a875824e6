import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { invitations } from "@/db/schema";
import { zCorrectAttendance } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";
import { enqueueJob } from "@/server/jobs/queue";

/**
 * The facilitator corrects one guest's attendance after the session: attended ↔ no-show. Only
 * booked guests' rows move; declined, waitlisted and withdrawn rows are not attendance.
 */
export async function correctAttendance(
  actor: Actor,
  input: { sessionId: string; invitationId: string; status: "attended" | "no_show" },
): Promise<void> {
  const data = zCorrectAttendance.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (session.status !== "ended") throw conflict("Attendance can be corrected once the session has ended");
  await db.transaction(async (tx) => {
    const done = await tx
      .update(invitations)
      .set({ status: data.status })
      .where(
        and(
          eq(invitations.id, data.invitationId),
          eq(invitations.sessionId, session.id),
          inArray(invitations.status, ["accepted", "attended", "no_show"]),
        ),
      )
      .returning({ id: invitations.id });
    if (!done.length) throw notFound("No booked guest with that invitation");
    await audit(tx, actor, `attendance_${data.status}`, "invitation", data.invitationId);
    // Corrected to attended: they get the survey too. Dispatch skips anyone already surveyed, so
    // before the session's own dispatch this sends nothing extra, and after it, just this one.
    if (data.status === "attended")
      await enqueueJob(tx, {
        kind: "surveys.dispatch",
        payload: { sessionId: session.id, invitationIds: [data.invitationId] },
      });
  });
}
