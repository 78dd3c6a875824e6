import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { invitations, surveys } from "@/db/schema";
import type { RespondentActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { notFound } from "@/server/errors";
import { withdrawCustomer } from "@/server/invitations/withdraw";

/**
 * Withdrawal from the survey page (the survey email is a way in too): the survey link proves who
 * the customer is, so the same erasure runs as from the invitation page.
 */
export async function withdrawRespondent(actor: RespondentActor): Promise<void> {
  if (!can(actor, "survey.respond", { surveyId: actor.surveyId })) throw notFound();
  const [row] = await db
    .select({
      invitationId: invitations.id,
      customerId: invitations.customerId,
      sessionId: invitations.sessionId,
    })
    .from(surveys)
    .innerJoin(invitations, eq(invitations.id, surveys.invitationId))
    .where(eq(surveys.id, actor.surveyId));
  if (!row) throw notFound();
  await withdrawCustomer({ kind: "customer", ...row });
}
