import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { customers, departments, listeningNoteReasonCodes, listeningNotes, reasonCodes } from "@/db/schema";
import { zonedWallTimeToInstant } from "@/lib/dates";
import { codeNumbersOf, zAddListeningNote } from "@/lib/validation/notes";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { assertCan } from "@/server/auth/policy";
import { invalid } from "@/server/errors";

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
    const numbers = codeNumbersOf(input.codeNumbers);
    const byNumber = numbers.length
      ? await tx
          .select({ id: reasonCodes.id, number: reasonCodes.number })
          .from(reasonCodes)
          .where(and(inArray(reasonCodes.number, numbers), eq(reasonCodes.state, "active")))
      : [];
    const unknown = numbers.filter((n) => !byNumber.some((c) => c.number === n));
    if (unknown.length)
      throw invalid("Unknown code numbers", { codeNumbers: [`No active code ${unknown.join(", ")}`] });
    const ids = [...new Set([...input.reasonCodeIds, ...byNumber.map((c) => c.id)])];
    if (ids.length > 10) throw invalid("Too many codes", { codeNumbers: ["At most ten codes on one note"] });
    const active = ids.length
      ? await tx
          .select({ id: reasonCodes.id })
          .from(reasonCodes)
          .where(and(inArray(reasonCodes.id, ids), eq(reasonCodes.state, "active")))
      : [];
    if (active.length !== ids.length)
      throw invalid("Choose active reason codes", { reasonCodeIds: ["Unknown code"] });
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
