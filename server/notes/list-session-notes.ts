import "server-only";
import { and, asc, eq, exists, isNull, notExists, sql } from "drizzle-orm";
import { db } from "@/db";
import {
  customers,
  departments,
  insightEvidence,
  invitations,
  roomNoteReasonCodes,
  roomNotes,
} from "@/db/schema";
import { type TriageFilter, zTriageFilter } from "@/lib/validation/notes";
import type { Actor } from "@/server/auth/actor";
import { authorizeSession } from "@/server/auth/authorize-session";
import { assertCan } from "@/server/auth/policy";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { roomNoteViews } from "./triage-views";

/**
 * A session's notes for triage, during or after it, in the order they were taken (each at its
 * moment in the session), filtered by reason code, emotion, department, customer or "not yet in
 * any insight"; with what the filters can choose from.
 */
export async function listSessionNotes(actor: Actor, sessionId: string, rawFilter: TriageFilter = {}) {
  assertCan(actor, "notes.triage");
  const { session } = await authorizeSession(actor, sessionId, "notes.triage");
  const f = zTriageFilter.parse(rawFilter);
  const where = and(
    eq(roomNotes.sessionId, session.id),
    f.code
      ? exists(
          db
            .select({ one: sql`1` })
            .from(roomNoteReasonCodes)
            .where(
              and(eq(roomNoteReasonCodes.noteId, roomNotes.id), eq(roomNoteReasonCodes.reasonCodeId, f.code)),
            ),
        )
      : undefined,
    f.emotion ? eq(roomNotes.emotion, f.emotion) : undefined,
    f.department ? eq(roomNotes.departmentId, f.department) : undefined,
    f.customer ? eq(roomNotes.customerId, f.customer) : undefined,
    f.untriaged
      ? notExists(
          db
            .select({ one: sql`1` })
            .from(insightEvidence)
            .where(eq(insightEvidence.roomNoteId, roomNotes.id)),
        )
      : undefined,
  );
  const [notes, codes, depts, guests, total] = await Promise.all([
    roomNoteViews(where),
    listActiveCodes(actor),
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
    db
      .select({ id: customers.id, name: customers.name })
      .from(invitations)
      .innerJoin(customers, eq(customers.id, invitations.customerId))
      .where(and(eq(invitations.sessionId, session.id), isNull(customers.erasedAt)))
      .orderBy(asc(customers.name)),
    db.$count(roomNotes, eq(roomNotes.sessionId, session.id)),
  ]);
  return {
    session: { id: session.id, title: session.title, status: session.status, startsAt: session.startsAt },
    notes,
    total,
    filter: f,
    options: {
      codes: codes.map((c) => ({ value: c.id, label: `${c.number} · ${c.label}` })),
      departments: depts.map((d) => ({ value: d.id, label: d.name })),
      customers: guests.map((g) => ({ value: g.id, label: g.name ?? "(erased)" })),
    },
  };
}
