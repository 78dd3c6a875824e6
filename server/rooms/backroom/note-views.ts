import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { roomNoteReasonCodes, roomNotes, users } from "@/db/schema";
import type { NoteView } from "@/lib/domain/backroom-views";

/** A session's notes (or the listed ones) with their reason codes, in the order they were heard. */
export async function noteViews(sessionId: string, ids?: string[]): Promise<NoteView[]> {
  const rows = await db
    .select({ n: roomNotes, authorName: users.name })
    .from(roomNotes)
    .innerJoin(users, eq(users.id, roomNotes.authorId))
    .where(
      ids
        ? and(eq(roomNotes.sessionId, sessionId), inArray(roomNotes.id, ids))
        : eq(roomNotes.sessionId, sessionId),
    )
    .orderBy(asc(roomNotes.atSeconds), asc(roomNotes.createdAt));
  const codes = rows.length
    ? await db
        .select()
        .from(roomNoteReasonCodes)
        .where(
          inArray(
            roomNoteReasonCodes.noteId,
            rows.map((r) => r.n.id),
          ),
        )
    : [];
  return rows.map(({ n, authorName }) => ({
    id: n.id,
    kind: n.kind,
    text: n.text,
    atSeconds: n.atSeconds,
    emotion: n.emotion,
    contact: n.contact,
    departmentId: n.departmentId,
    customerId: n.customerId,
    reasonCodeIds: codes.filter((c) => c.noteId === n.id).map((c) => c.reasonCodeId),
    authorName,
    createdAt: n.createdAt.getTime(),
  }));
}
