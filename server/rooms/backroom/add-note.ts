import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import {
  departments,
  invitations,
  reasonCodes,
  roomNoteReasonCodes,
  roomNotes,
  type Session,
} from "@/db/schema";
import type { NoteView } from "@/lib/domain/backroom-views";
import { type AddNoteInput, zAddNote } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { invalid } from "@/server/errors";
import { broadcastToSessionStaff } from "../broadcast";
import { staffInBackroom } from "./backroom-access";
import { noteViews } from "./note-views";

/** A timestamped note; seconds into the session default to now minus the start. */
export async function addNote(actor: Actor, input: AddNoteInput): Promise<NoteView> {
  const data = zAddNote.parse(input);
  const { session, staff } = await staffInBackroom(actor, data.sessionId, "room.backroom");
  const codes = [...new Set(data.reasonCodeIds)];
  await checkReferences(session, { ...data, reasonCodeIds: codes });
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roomNotes)
      .values({
        sessionId: session.id,
        authorId: staff.userId,
        kind: data.kind,
        text: data.text,
        atSeconds: data.atSeconds ?? secondsSinceStart(session),
        emotion: data.emotion,
        contact: data.contact,
        departmentId: data.departmentId,
        customerId: data.customerId,
      })
      .returning({ id: roomNotes.id });
    if (codes.length)
      await tx
        .insert(roomNoteReasonCodes)
        .values(codes.map((reasonCodeId) => ({ noteId: row!.id, reasonCodeId })));
    await audit(tx, actor, "note_add", "session", session.id);
    return row!.id;
  });
  const [note] = await noteViews(session.id, [id]);
  await broadcastToSessionStaff(session, { topic: "backroom", type: "note", note: note! });
  return note!;
}

const secondsSinceStart = (session: Session) =>
  session.startedAt ? Math.max(0, Math.floor((Date.now() - session.startedAt.getTime()) / 1000)) : 0;

/** Reason codes must be active, the department must exist, the customer must be a guest here. */
async function checkReferences(
  session: Session,
  refs: { reasonCodeIds: string[]; departmentId: string | null; customerId: string | null },
): Promise<void> {
  if (refs.reasonCodeIds.length) {
    const found = await db
      .select({ id: reasonCodes.id })
      .from(reasonCodes)
      .where(and(inArray(reasonCodes.id, refs.reasonCodeIds), eq(reasonCodes.active, true)));
    if (found.length !== refs.reasonCodeIds.length)
      throw invalid("Unknown reason code", { reasonCodeIds: ["Unknown reason code"] });
  }
  if (
    refs.departmentId &&
    !(await db.query.departments.findFirst({ where: eq(departments.id, refs.departmentId) }))
  )
    throw invalid("Unknown department", { departmentId: ["Unknown department"] });
  if (refs.customerId) {
    const inv = await db.query.invitations.findFirst({
      where: and(eq(invitations.sessionId, session.id), eq(invitations.customerId, refs.customerId)),
    });
    if (!inv) throw invalid("That customer is not in this session", { customerId: ["Not in this session"] });
  }
}
