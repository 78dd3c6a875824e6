import "server-only";
import { and, desc, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
import { db } from "@/db";
import {
  customers,
  departments,
  insightEvidence,
  insights,
  listeningNoteReasonCodes,
  listeningNotes,
  reasonCodes,
  roomNoteReasonCodes,
  roomNotes,
  users,
} from "@/db/schema";
import type { TriageNoteView } from "@/lib/domain/notes";

type Source = "room_note" | "listening";

type Base = Omit<TriageNoteView, "ref" | "source" | "codes" | "insights"> & { id: string };

/**
 * The notes of one source as triage shows them: each with its reason codes and the insights it is
 * evidence of, read in two queries for the whole set.
 */
async function withExtras(source: Source, notes: Base[]): Promise<TriageNoteView[]> {
  if (!notes.length) return [];
  const ids = notes.map((n) => n.id);
  const link = source === "room_note" ? roomNoteReasonCodes : listeningNoteReasonCodes;
  const evidenceColumn =
    source === "room_note" ? insightEvidence.roomNoteId : insightEvidence.listeningNoteId;
  const [codeRows, insightRows] = await Promise.all([
    db
      .select({ noteId: link.noteId, number: reasonCodes.number, label: reasonCodes.label })
      .from(link)
      .innerJoin(reasonCodes, eq(reasonCodes.id, link.reasonCodeId))
      .where(inArray(link.noteId, ids))
      .orderBy(reasonCodes.number),
    db
      .select({ noteId: evidenceColumn, id: insights.id, title: insights.title })
      .from(insightEvidence)
      .innerJoin(insights, eq(insights.id, insightEvidence.insightId))
      .where(and(isNotNull(evidenceColumn), inArray(evidenceColumn, ids))),
  ]);
  const codes = new Map<string, TriageNoteView["codes"]>();
  for (const { noteId, ...c } of codeRows) codes.set(noteId, [...(codes.get(noteId) ?? []), c]);
  const insightsOf = new Map<string, TriageNoteView["insights"]>();
  for (const { noteId, ...i } of insightRows)
    if (noteId) insightsOf.set(noteId, [...(insightsOf.get(noteId) ?? []), i]);
  return notes.map(({ id, ...n }) => ({
    ...n,
    ref: `${source}:${id}`,
    source,
    codes: codes.get(id) ?? [],
    insights: insightsOf.get(id) ?? [],
  }));
}

/** Room notes as triage shows them, in the order given. */
export async function roomNoteViews(where: SQL | undefined): Promise<TriageNoteView[]> {
  const rows = await db
    .select({
      id: roomNotes.id,
      kind: roomNotes.kind,
      text: roomNotes.text,
      emotion: roomNotes.emotion,
      contact: roomNotes.contact,
      atSeconds: roomNotes.atSeconds,
      createdAt: roomNotes.createdAt,
      department: departments.name,
      customer: customers.name,
      author: users.name,
    })
    .from(roomNotes)
    .innerJoin(users, eq(users.id, roomNotes.authorId))
    .leftJoin(departments, eq(departments.id, roomNotes.departmentId))
    .leftJoin(customers, eq(customers.id, roomNotes.customerId))
    .where(where)
    .orderBy(roomNotes.atSeconds, roomNotes.createdAt);
  return withExtras(
    "room_note",
    rows.map(({ createdAt, ...r }) => ({ ...r, heardAt: createdAt, channel: null })),
  );
}

/** Listening-log entries as triage shows them, newest first. */
export async function listeningNoteViews(where: SQL | undefined, limit = 200): Promise<TriageNoteView[]> {
  const rows = await db
    .select({
      id: listeningNotes.id,
      kind: listeningNotes.kind,
      text: listeningNotes.text,
      emotion: listeningNotes.emotion,
      contact: listeningNotes.contact,
      heardAt: listeningNotes.heardAt,
      channel: listeningNotes.channel,
      department: departments.name,
      customer: customers.name,
      author: users.name,
    })
    .from(listeningNotes)
    .innerJoin(users, eq(users.id, listeningNotes.authorId))
    .leftJoin(departments, eq(departments.id, listeningNotes.departmentId))
    .leftJoin(customers, eq(customers.id, listeningNotes.customerId))
    .where(where)
    .orderBy(desc(listeningNotes.heardAt), desc(listeningNotes.createdAt))
    .limit(limit);
  return withExtras(
    "listening",
    rows.map((r) => ({ ...r, atSeconds: null })),
  );
}
