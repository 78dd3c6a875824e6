import "server-only";
import type { Tx } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";

/** Records who read or changed what; ids only, never personal data or tokens. */
export async function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  resourceType: string,
  resourceId: string | null,
): Promise<void> {
  const actorId =
    actor.kind === "staff"
      ? actor.userId
      : actor.kind === "customer"
        ? actor.customerId
        : actor.kind === "respondent"
          ? actor.surveyId
          : null;
  await tx.insert(auditLog).values({
    actorType: actor.kind === "staff" ? "staff" : actor.kind === "anonymous" ? "system" : "customer",
    actorId,
    action,
    resourceType,
    resourceId,
  });
}
