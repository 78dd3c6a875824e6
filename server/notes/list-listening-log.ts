import "server-only";
import { and, asc, eq, exists, notExists, sql } from "drizzle-orm";
import { db } from "@/db";
import { departments, insightEvidence, listeningNoteReasonCodes, listeningNotes } from "@/db/schema";
import { type TriageFilter, zTriageFilter } from "@/lib/validation/notes";
import type { Actor } from "@/server/auth/actor";
import { assertCan, can } from "@/server/auth/policy";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { listeningNoteViews } from "./triage-views";

/**
 * The listening log: those who triage see every entry (and may turn them into insights); everyone
 * else sees the entries they logged themselves. With the codes (and their examples) and the
 * departments the form offers.
 */
export async function listListeningLog(actor: Actor, rawFilter: TriageFilter = {}) {
  assertCan(actor, "listening.write");
  const triage = can(actor, "notes.triage");
  const f = zTriageFilter.parse(rawFilter);
  const where = and(
    triage ? undefined : eq(listeningNotes.authorId, actor.userId),
    f.code
      ? exists(
          db
            .select({ one: sql`1` })
            .from(listeningNoteReasonCodes)
            .where(
              and(
                eq(listeningNoteReasonCodes.noteId, listeningNotes.id),
                eq(listeningNoteReasonCodes.reasonCodeId, f.code),
              ),
            ),
        )
      : undefined,
    f.emotion ? eq(listeningNotes.emotion, f.emotion) : undefined,
    f.department ? eq(listeningNotes.departmentId, f.department) : undefined,
    f.untriaged
      ? notExists(
          db
            .select({ one: sql`1` })
            .from(insightEvidence)
            .where(eq(insightEvidence.listeningNoteId, listeningNotes.id)),
        )
      : undefined,
  );
  const [notes, codes, depts] = await Promise.all([
    listeningNoteViews(where),
    listActiveCodes(actor),
    db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .orderBy(asc(departments.name)),
  ]);
  return { notes, codes, departments: depts, canTriage: triage, filter: f };
}
