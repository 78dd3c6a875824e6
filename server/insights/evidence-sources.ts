import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { consents, invitations, listeningNotes, roomNotes, surveyResponses, surveys } from "@/db/schema";
import type { EvidenceSource } from "@/lib/domain/insights";
import { type EvidenceRef, parseEvidenceRef } from "@/lib/domain/notes";
import { invalid } from "@/server/errors";

// The one place that reads survey comments for insights (survey responses are another feature's
// tables: if their shape changes, only this file follows).

export type ResolvedEvidence = {
  source: EvidenceSource;
  responseId: string | null;
  roomNoteId: string | null;
  listeningNoteId: string | null;
  customerId: string | null;
  quote: string;
};

/** Reads what each ref points at: its words (copied as the quote) and whose words they are. */
export async function resolveEvidence(tx: Tx, raw: string[]): Promise<ResolvedEvidence[]> {
  const refs = raw.map(parseEvidenceRef).filter((r): r is EvidenceRef => r !== null);
  const ids = (s: EvidenceSource) => refs.filter((r) => r.source === s).map((r) => r.id);
  const [comments, notes, logged] = await Promise.all([
    ids("survey").length
      ? tx
          .select({
            id: surveyResponses.id,
            comment: surveyResponses.comment,
            customerId: invitations.customerId,
          })
          .from(surveyResponses)
          .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
          .leftJoin(invitations, eq(invitations.id, surveys.invitationId))
          .where(inArray(surveyResponses.id, ids("survey")))
      : [],
    ids("room_note").length
      ? tx
          .select({ id: roomNotes.id, text: roomNotes.text, customerId: roomNotes.customerId })
          .from(roomNotes)
          .where(inArray(roomNotes.id, ids("room_note")))
      : [],
    ids("listening").length
      ? tx
          .select({ id: listeningNotes.id, text: listeningNotes.text, customerId: listeningNotes.customerId })
          .from(listeningNotes)
          .where(inArray(listeningNotes.id, ids("listening")))
      : [],
  ]);
  const found = comments.filter((c) => c.comment).length + notes.length + logged.length;
  if (found !== refs.length)
    throw invalid("Some evidence no longer exists", { evidence: ["Reload and choose again"] });
  const none = { responseId: null, roomNoteId: null, listeningNoteId: null };
  return [
    ...comments.map((c) => ({
      ...none,
      source: "survey" as const,
      responseId: c.id,
      customerId: c.customerId ?? null,
      quote: c.comment ?? "",
    })),
    ...notes.map((n) => ({
      ...none,
      source: "room_note" as const,
      roomNoteId: n.id,
      customerId: n.customerId,
      quote: n.text,
    })),
    ...logged.map((n) => ({
      ...none,
      source: "listening" as const,
      listeningNoteId: n.id,
      customerId: n.customerId,
      quote: n.text,
    })),
  ];
}

export type QuoteConsent = "allowed" | "not_allowed" | "not_on_record";

/**
 * Whether each piece of evidence may be quoted: the customer's latest "quote me anonymously"
 * decision on the invitation it came from (the survey's invitation; for a room note, the
 * customer's invitation to that session). Listening-log entries and notes without a customer have
 * no decision on record, so they are never offered as quotes either.
 */
export async function quoteConsents(
  tx: Tx,
  evidence: { id: string; source: EvidenceSource; responseId: string | null; roomNoteId: string | null }[],
): Promise<Map<string, QuoteConsent>> {
  const out = new Map<string, QuoteConsent>(evidence.map((e) => [e.id, "not_on_record"]));
  const responseIds = evidence.map((e) => e.responseId).filter((id): id is string => id !== null);
  const noteIds = evidence.map((e) => e.roomNoteId).filter((id): id is string => id !== null);
  const [fromSurveys, fromNotes] = await Promise.all([
    responseIds.length
      ? tx
          .select({ key: surveyResponses.id, invitationId: surveys.invitationId })
          .from(surveyResponses)
          .innerJoin(surveys, eq(surveys.id, surveyResponses.surveyId))
          .where(inArray(surveyResponses.id, responseIds))
      : [],
    noteIds.length
      ? tx
          .select({ key: roomNotes.id, invitationId: invitations.id })
          .from(roomNotes)
          .innerJoin(
            invitations,
            and(
              eq(invitations.sessionId, roomNotes.sessionId),
              eq(invitations.customerId, roomNotes.customerId),
            ),
          )
          .where(inArray(roomNotes.id, noteIds))
      : [],
  ]);
  const invitationOf = new Map<string, string>();
  for (const r of [...fromSurveys, ...fromNotes]) if (r.invitationId) invitationOf.set(r.key, r.invitationId);
  const invitationIds = [...new Set(invitationOf.values())];
  const decisions = invitationIds.length
    ? await tx
        .select({ invitationId: consents.invitationId, granted: consents.granted })
        .from(consents)
        .where(and(inArray(consents.invitationId, invitationIds), eq(consents.purpose, "quote_anonymously")))
        .orderBy(desc(consents.createdAt))
    : [];
  const latest = new Map<string, boolean>();
  for (const d of decisions) if (!latest.has(d.invitationId)) latest.set(d.invitationId, d.granted);
  for (const e of evidence) {
    const inv = invitationOf.get(e.responseId ?? e.roomNoteId ?? "");
    const granted = inv ? latest.get(inv) : undefined;
    if (granted !== undefined) out.set(e.id, granted ? "allowed" : "not_allowed");
  }
  return out;
}
