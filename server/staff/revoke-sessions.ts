import "server-only";
import { eq, sql } from "drizzle-orm";
import { db as appDb, type Db } from "@/db";
import { users } from "@/db/schema";

/**
 * Ends every session of a staff member at their next request, on every device: session cookies
 * are signed tokens the server keeps no list of, so each carries the user's session version from
 * sign-in (server/auth/config.ts) and a raised version refuses them all (load-staff-actor.ts).
 * Signing out calls it for the one signing out; the caller authorizes.
 */
export async function revokeStaffSessions(userId: string, db: Db = appDb): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
