import "server-only";
import { db } from "@/db";
import { sessionStaff, sessions } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { type CreateSessionInput, sessionColumns, zCreateSession } from "@/lib/validation/sessions";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";

/** Creates a session (a draft, or scheduled at once) run by the acting facilitator; returns its id. */
export async function createSession(actor: Actor, input: CreateSessionInput): Promise<{ id: string }> {
  assertCan(actor, "session.create");
  const data = zCreateSession.parse(input);
  const startsAt = zonedWallTimeToInstant(data.startsAtLocal, data.timeZone);
  if (startsAt.getTime() < Date.now() - 60_000) {
    throw invalid("The session must start in the future", { startsAtLocal: ["Choose a time in the future"] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({
        ...sessionColumns(data),
        startsAt,
        timeZone: data.timeZone,
        facilitatorId: actor.userId,
        status: data.saveAs,
      })
      .returning({ id: sessions.id });
    if (!row) throw new Error("insert returned nothing");
    await tx
      .insert(sessionStaff)
      .values({ sessionId: row.id, userId: actor.userId, roomRole: "facilitator" });
    await audit(tx, actor, "create", "session", row.id);
    return row;
  });
}
