import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { zOwnProfile } from "@/lib/validation/admin";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";

/** What a staff member may set about themselves: their time zone and language preference. */
export async function getOwnProfile(actor: Actor) {
  assertCan(actor, "profile.manage");
  return { name: actor.name, email: actor.email, timeZone: actor.timeZone, language: actor.language };
}

/**
 * Sets one's own time zone and language preference; only ever one's own row (the id comes from
 * the signed-in actor, never from the form). Staff are loaded on every request, so every page
 * writes dates in the new zone and conventions from the next one.
 */
export async function updateOwnProfile(actor: Actor, raw: unknown): Promise<void> {
  assertCan(actor, "profile.manage");
  const input = zOwnProfile.parse(raw);
  await db.transaction(async (tx) => {
    await tx.update(users).set(input).where(eq(users.id, actor.userId));
    await audit(tx, actor, "profile.update", "user", actor.userId);
  });
}
