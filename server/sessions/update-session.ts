import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { invitations, sessions } from "@/db/schema";
import { sessionColumns, type UpdateSessionInput, zUpdateSession } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { invalid } from "@/server/errors";
import { assertSessionOpen } from "./session-closed";

/**
 * Edits what a session is (not when: rescheduling notifies everyone and lives in its own command).
 * Seats can never drop below the seats already booked.
 */
export async function updateSession(actor: Actor, input: UpdateSessionInput): Promise<void> {
  const data = zUpdateSession.parse(input);
  const { session } = await authorizeSession(actor, data.sessionId, "session.manage");
  assertSessionOpen(session);
  await db.transaction(async (tx) => {
    const [booked] = await tx
      .select({ n: sql<number>`count(*)` })
      .from(invitations)
      .where(
        and(eq(invitations.sessionId, session.id), inArray(invitations.status, ["accepted", "attended"])),
      );
    if ((booked?.n ?? 0) > data.seats) {
      throw invalid("Fewer seats than guests already booked", {
        seats: [`${booked?.n} guests have booked; keep at least that many seats`],
      });
    }
    await tx.update(sessions).set(sessionColumns(data)).where(eq(sessions.id, session.id));
    await audit(tx, actor, "update", "session", session.id);
  });
}
