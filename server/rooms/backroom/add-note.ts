import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { departments, invitations, roomNoteReasonCodes, roomNotes, type Session } from "@/db/schema";
import type { NoteView } from "@/lib/domain/backroom-views";
import { type AddNoteInput, zAddNote } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { invalid } from "@/server/errors";
import { resolveCodeIds } from "@/server/reason-codes/resolve-codes";
import { broadcastToSessionStaff } from "../broadcast";
import { staffInBackroom } from "./backroom-access";
import { noteViews } from "./note-views";

/** A timestamped note; seconds into the session default to now minus the start. */
export async function addNote(actor: Actor, input: AddNoteInput): Promise<NoteView> {
  const data = zAddNote.parse(input);
  const { session, staff } = await staffInBackroom(actor, data.sessionId, "room.backroom");
  await checkReferences(session, data);
  const id = await db.transaction(async (tx) => {
    const codes = await resolveCodeIds(tx, data.reasonCodeIds, data.codeNumbers);
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

/** The department must exist, the customer must be a guest here (codes: resolveCodeIds). */
async function checkReferences(
  session: Session,
  refs: { departmentId: string | null; customerId: string | null },
): Promise<void> {
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
