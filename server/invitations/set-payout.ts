import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { invitations } from "@/db/schema";
import { zSetPayout } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { conflict, notFound } from "@/server/errors";

/** Records where one guest's incentive stands (due, paid, declined by the guest). */
export async function setPayoutStatus(
  actor: Actor,
  input: { sessionId: string; invitationId: string; payoutStatus: string },
): Promise<void> {
  const data = zSetPayout.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  if (session.incentiveAmountMinor === null) throw conflict("This session offers no incentive");
  await db.transaction(async (tx) => {
    const done = await tx
      .update(invitations)
      .set({ payoutStatus: data.payoutStatus })
      .where(and(eq(invitations.id, data.invitationId), eq(invitations.sessionId, session.id)))
      .returning({ id: invitations.id });
    if (!done.length) throw notFound();
    await audit(tx, actor, `payout_${data.payoutStatus}`, "invitation", data.invitationId);
  });
}
