import "server-only";
import { and, eq, inArray, isNotNull, type SQL } from "drizzle-orm";
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

/** The codes and the insights of a set of notes of one source, keyed by note id. */
async function extras(source: Source, ids: string[]) {
  if (!ids.length) return { codes: new Map(), insightsOf: new Map() };
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
  const group = <T extends { noteId: string | null }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) if (r.noteId) m.set(r.noteId, [...(m.get(r.noteId) ?? []), r]);
    return m;
  };
  return { codes: group(codeRows), insightsOf: group(insightRows) };
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
  const { codes, insightsOf } = await extras(
    "room_note",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ref: `room_note:${r.id}`,
    source: "room_note",
    kind: r.kind,
    text: r.text,
    emotion: r.emotion,
    contact: r.contact,
    department: r.department,
    customer: r.customer,
    codes: (codes.get(r.id) ?? []).map((c: { number: number; label: string }) => ({
      number: c.number,
      label: c.label,
    })),
    author: r.author,
    atSeconds: r.atSeconds,
    heardAt: r.createdAt,
    channel: null,
    insights: (insightsOf.get(r.id) ?? []).map((i: { id: string; title: string }) => ({
      id: i.id,
      title: i.title,
    })),
  }));
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
    .orderBy(listeningNotes.heardAt, listeningNotes.createdAt)
    .limit(limit);
  rows.reverse();
  const { codes, insightsOf } = await extras(
    "listening",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ref: `listening:${r.id}`,
    source: "listening",
    kind: r.kind,
    text: r.text,
    emotion: r.emotion,
    contact: r.contact,
    department: r.department,
    customer: r.customer,
    codes: (codes.get(r.id) ?? []).map((c: { number: number; label: string }) => ({
      number: c.number,
      label: c.label,
    })),
    author: r.author,
    atSeconds: null,
    heardAt: r.heardAt,
    channel: r.channel,
    insights: (insightsOf.get(r.id) ?? []).map((i: { id: string; title: string }) => ({
      id: i.id,
      title: i.title,
    })),
  }));
}
