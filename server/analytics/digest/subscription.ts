import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { digestSubscriptions } from "@/db/schema";
import { type DigestSubscriptionInput, zDigestSubscription } from "@/lib/validation/digest";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** Whether the signed-in executive or head receives the weekly digest. */
export async function digestSubscribed(actor: Actor): Promise<boolean> {
  assertCan(actor, "digest.subscribe");
  const [row] = await db
    .select()
    .from(digestSubscriptions)
    .where(eq(digestSubscriptions.userId, actor.userId));
  return Boolean(row);
}

/** Their choice: in or out of the weekly digest. */
export async function setDigestSubscription(actor: Actor, raw: DigestSubscriptionInput) {
  assertCan(actor, "digest.subscribe");
  const { subscribe } = zDigestSubscription.parse(raw);
  if (subscribe === "yes")
    await db.insert(digestSubscriptions).values({ userId: actor.userId }).onConflictDoNothing();
  else await db.delete(digestSubscriptions).where(eq(digestSubscriptions.userId, actor.userId));
  return { subscribed: subscribe === "yes" };
}
