import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, departments, listeningNoteReasonCodes, listeningNotes } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { zAddListeningNote } from "@/lib/validation/notes";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";
import { resolveCodeIds } from "@/server/reason-codes/resolve-codes";

/**
 * Logs what was heard outside a session (an ordinary call listened to, what an advisor reports):
 * the room's note, with the day and channel. Codes may be typed by number. The customer, when
 * given, is found by email among customers who have not been erased.
 */
export async function addListeningNote(actor: Actor, raw: unknown): Promise<{ id: string }> {
  assertCan(actor, "listening.write");
  const input = zAddListeningNote.parse(raw);
  const heardAt = zonedWallTimeToInstant(`${input.heardOn}T12:00`, actor.timeZone);
  if (heardAt.getTime() > Date.now() + 86_400_000)
    throw invalid("That day is in the future", { heardOn: ["Choose today or a day before"] });
  return db.transaction(async (tx) => {
    const ids = await resolveCodeIds(tx, input.reasonCodeIds, input.codeNumbers);
    if (input.departmentId) {
      const dept = await tx.query.departments.findFirst({ where: eq(departments.id, input.departmentId) });
      if (!dept) throw invalid("Unknown department", { departmentId: ["Choose a department"] });
    }
    let customerId: string | null = null;
    if (input.customerEmail) {
      const [c] = await tx
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.email, input.customerEmail.toLowerCase()), isNull(customers.erasedAt)));
      if (!c)
        throw invalid("No such customer", { customerEmail: ["No customer in the directory has that email"] });
      customerId = c.id;
    }
    const [row] = await tx
      .insert(listeningNotes)
      .values({
        authorId: actor.userId,
        heardAt,
        channel: input.channel,
        kind: input.kind,
        text: input.text,
        emotion: input.emotion,
        contact: input.contact,
        departmentId: input.departmentId,
        customerId,
      })
      .returning({ id: listeningNotes.id });
    if (!row) throw new Error("insert returned nothing");
    if (ids.length)
      await tx
        .insert(listeningNoteReasonCodes)
        .values(ids.map((reasonCodeId) => ({ noteId: row.id, reasonCodeId })));
    await audit(tx, actor, "log_listening", "listening_note", row.id);
    return row;
  });
}
