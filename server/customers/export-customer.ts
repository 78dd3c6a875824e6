import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { db } from "@/db";
import {
  auditLog,
  changeMessages,
  consents,
  insightEvidence,
  insights,
  invitations,
  listeningNoteReasonCodes,
  listeningNotes,
  moderationEvents,
  outbox,
  reasonCodes,
  reminderDeliveries,
  roomAttendance,
  roomNoteReasonCodes,
  roomNotes,
  sessions,
  speedDatingSeats,
  storyTurns,
  surveyCaps,
  surveyResponses,
  surveys,
} from "@/db/schema";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { forbidden, notFound } from "@/server/errors";
import { toCustomerDto } from "./customer-dto";
import { customerWithId } from "./customer-where";
import { facilitatorsOfCustomer } from "./get-customer";

/**
 * Every table that refers to a customer (directly, or through their invitations, surveys, answers
 * or notes), and where the export puts it. tests/integration/customer-export.test.ts walks the
 * schema's foreign keys and fails when a table that refers to a customer is in neither list.
 */
export const EXPORTED_TABLES = [
  "customers",
  "invitations",
  "consents",
  "surveys",
  "survey_responses",
  "outbox",
  "room_notes",
  "room_note_reason_codes",
  "moderation_events",
  "room_attendance",
  "listening_notes",
  "listening_note_reason_codes",
  "insight_evidence",
  "change_messages",
  "survey_caps",
  "speed_dating_seats",
  "story_turns",
  "reminder_deliveries",
  "audit_log",
] as const;
/** Tables that refer to a customer but hold nothing about them, with the reason. */
export const NOT_EXPORTED: Record<string, string> = {
  invitation_links: "hashes of personal link tokens: keys, not data about the person",
};

/**
 * Everything held about one customer (a subject access request): the record, every invitation
 * with the session it was for, every consent decision, survey answers and the emails sent. Each
 * query is keyed by this customer's id, so nobody else's rows can appear. Link token hashes and
 * email bodies (which carry personal links) are left out: they are keys, not data about the person.
 */
export async function exportCustomer(actor: Actor, customerId: string) {
  if (!can(actor, "customer.export")) throw forbidden();
  const id = z.uuid().safeParse(customerId);
  if (!id.success) throw notFound();
  const seesNeeds = can(actor, "customer.accessibility.read");
  return db.transaction(async (tx) => {
    const customer = await tx.query.customers.findFirst({
      where: customerWithId(id.data),
    });
    if (!customer) throw notFound();
    // An export is personal data in full: only for those who may see the customer's details.
    if (
      !can(actor, "customer.contact.read", {
        customerFacilitatorIds: await facilitatorsOfCustomer(customer.id),
      })
    )
      throw notFound();
    const invs = await tx
      .select({
        id: invitations.id,
        status: invitations.status,
        respondedAt: invitations.respondedAt,
        createdAt: invitations.createdAt,
        accommodations: invitations.accommodations,
        accommodationOther: invitations.accommodationOther,
        session: {
          id: sessions.id,
          title: sessions.title,
          format: sessions.format,
          status: sessions.status,
          startsAt: sessions.startsAt,
          timeZone: sessions.timeZone,
          durationMinutes: sessions.durationMinutes,
        },
      })
      .from(invitations)
      .innerJoin(sessions, eq(sessions.id, invitations.sessionId))
      .where(eq(invitations.customerId, customer.id))
      .orderBy(asc(invitations.createdAt));
    const invIds = invs.map((i) => i.id);
    const consentRows = await tx
      .select({
        invitationId: consents.invitationId,
        purpose: consents.purpose,
        granted: consents.granted,
        textVersion: consents.textVersion,
        language: consents.language,
        createdAt: consents.createdAt,
      })
      .from(consents)
      .where(inArray(consents.invitationId, invIds))
      .orderBy(asc(consents.createdAt));
    const answers = await tx
      .select({
        invitationId: surveys.invitationId,
        sentAt: surveys.sentAt,
        csat: surveyResponses.csat,
        nps: surveyResponses.nps,
        ces: surveyResponses.ces,
        comment: surveyResponses.comment,
        // Every answer, and what was saved before sending (templates ask more than the scores).
        answers: surveyResponses.answers,
        texts: surveyResponses.texts,
        draft: surveys.draft,
        language: surveyResponses.language,
        answeredAt: surveyResponses.createdAt,
      })
      .from(surveys)
      .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
      .where(inArray(surveys.invitationId, invIds));
    const emails = await tx
      .select({
        kind: outbox.kind,
        to: outbox.toAddress,
        subject: outbox.subject,
        status: outbox.status,
        createdAt: outbox.createdAt,
        sentAt: outbox.sentAt,
      })
      .from(outbox)
      .where(eq(outbox.customerId, customer.id))
      .orderBy(asc(outbox.createdAt));
    const surveyIds = answers.length
      ? (await tx.select({ id: surveys.id }).from(surveys).where(inArray(surveys.invitationId, invIds))).map(
          (r) => r.id,
        )
      : [];
    const byInvitation = (col: SQLiteColumn) => inArray(col, invIds);
    const notes = await tx
      .select({
        id: roomNotes.id,
        sessionId: roomNotes.sessionId,
        session: sessions.title,
        kind: roomNotes.kind,
        text: roomNotes.text,
        atSeconds: roomNotes.atSeconds,
        emotion: roomNotes.emotion,
        contact: roomNotes.contact,
        createdAt: roomNotes.createdAt,
      })
      .from(roomNotes)
      .innerJoin(sessions, eq(sessions.id, roomNotes.sessionId))
      .where(eq(roomNotes.customerId, customer.id))
      .orderBy(asc(roomNotes.createdAt));
    const heard = await tx
      .select({
        id: listeningNotes.id,
        heardAt: listeningNotes.heardAt,
        channel: listeningNotes.channel,
        kind: listeningNotes.kind,
        text: listeningNotes.text,
        emotion: listeningNotes.emotion,
        contact: listeningNotes.contact,
      })
      .from(listeningNotes)
      .where(eq(listeningNotes.customerId, customer.id))
      .orderBy(asc(listeningNotes.heardAt));
    const codesOf = async (
      table: typeof roomNoteReasonCodes | typeof listeningNoteReasonCodes,
      ids: string[],
    ) =>
      ids.length
        ? tx
            .select({ noteId: table.noteId, code: reasonCodes.number, label: reasonCodes.label })
            .from(table)
            .innerJoin(reasonCodes, eq(reasonCodes.id, table.reasonCodeId))
            .where(inArray(table.noteId, ids))
        : [];
    const noteCodes = [
      ...(await codesOf(
        roomNoteReasonCodes,
        notes.map((n) => n.id),
      )),
      ...(await codesOf(
        listeningNoteReasonCodes,
        heard.map((n) => n.id),
      )),
    ];
    const withCodes = <N extends { id: string }>(n: N) => ({
      ...n,
      reasonCodes: noteCodes.filter((c) => c.noteId === n.id).map(({ noteId: _n, ...c }) => c),
    });
    const moderation = await tx
      .select({
        sessionId: moderationEvents.sessionId,
        step: moderationEvents.step,
        category: moderationEvents.category,
        note: moderationEvents.note,
        createdAt: moderationEvents.createdAt,
      })
      .from(moderationEvents)
      .where(eq(moderationEvents.customerId, customer.id))
      .orderBy(asc(moderationEvents.createdAt));
    const inRoom = await tx
      .select({
        sessionId: roomAttendance.sessionId,
        joinedAt: roomAttendance.joinedAt,
        leftAt: roomAttendance.leftAt,
        durationSeconds: roomAttendance.durationSeconds,
      })
      .from(roomAttendance)
      .where(byInvitation(roomAttendance.invitationId))
      .orderBy(asc(roomAttendance.createdAt));
    const responseIds = surveyIds.length
      ? (
          await tx
            .select({ id: surveyResponses.id })
            .from(surveyResponses)
            .where(inArray(surveyResponses.surveyId, surveyIds))
        ).map((r) => r.id)
      : [];
    const evidenceWhere = [
      eq(insightEvidence.customerId, customer.id),
      responseIds.length ? inArray(insightEvidence.responseId, responseIds) : undefined,
      notes.length
        ? inArray(
            insightEvidence.roomNoteId,
            notes.map((n) => n.id),
          )
        : undefined,
      heard.length
        ? inArray(
            insightEvidence.listeningNoteId,
            heard.map((n) => n.id),
          )
        : undefined,
    ].filter((w) => w !== undefined);
    const evidence = await tx
      .select({
        insight: insights.title,
        source: insightEvidence.source,
        quote: insightEvidence.quote,
        createdAt: insightEvidence.createdAt,
      })
      .from(insightEvidence)
      .innerJoin(insights, eq(insights.id, insightEvidence.insightId))
      .where(or(...evidenceWhere))
      .orderBy(asc(insightEvidence.createdAt));
    const told = await tx
      .select({
        status: changeMessages.status,
        language: changeMessages.language,
        sentAt: changeMessages.sentAt,
        createdAt: changeMessages.createdAt,
      })
      .from(changeMessages)
      .where(eq(changeMessages.customerId, customer.id))
      .orderBy(asc(changeMessages.createdAt));
    const [cap] = await tx
      .select({ lastSurveySentAt: surveyCaps.lastSentAt })
      .from(surveyCaps)
      .where(eq(surveyCaps.customerId, customer.id));
    const seats = await tx
      .select({ invitationId: speedDatingSeats.invitationId, tableIndex: speedDatingSeats.tableIndex })
      .from(speedDatingSeats)
      .where(byInvitation(speedDatingSeats.invitationId));
    const turns = await tx
      .select({
        invitationId: storyTurns.invitationId,
        position: storyTurns.position,
        state: storyTurns.state,
        startedAt: storyTurns.startedAt,
        endedAt: storyTurns.endedAt,
      })
      .from(storyTurns)
      .where(byInvitation(storyTurns.invitationId));
    const reminders = await tx
      .select({
        invitationId: reminderDeliveries.invitationId,
        kind: reminderDeliveries.kind,
        startsAt: reminderDeliveries.startsAt,
        sentAt: reminderDeliveries.createdAt,
      })
      .from(reminderDeliveries)
      .where(byInvitation(reminderDeliveries.invitationId));
    // Who looked at or changed the record: the kind of actor and what, not which colleague.
    const accessLog = await tx
      .select({
        action: auditLog.action,
        actorType: auditLog.actorType,
        resourceType: auditLog.resourceType,
        at: auditLog.createdAt,
      })
      .from(auditLog)
      .where(
        or(
          and(eq(auditLog.resourceType, "customer"), eq(auditLog.resourceId, customer.id)),
          and(eq(auditLog.actorType, "customer"), eq(auditLog.actorId, customer.id)),
        ),
      )
      .orderBy(asc(auditLog.createdAt));
    await audit(tx, actor, "export", "customer", customer.id);
    const ofInvitation = <R extends { invitationId: string }>(rows: R[], id: string) =>
      rows.filter((r) => r.invitationId === id).map(({ invitationId: _i, ...r }) => r);
    const data = {
      format: "immersion.customer-export/1",
      exportedAt: new Date(),
      customer: toCustomerDto(customer, seesNeeds),
      invitations: invs.map(({ accommodations, accommodationOther, ...inv }) => ({
        ...inv,
        ...(seesNeeds ? { accommodations, accommodationOther } : {}),
        consents: consentRows.filter((c) => c.invitationId === inv.id).map(({ invitationId, ...c }) => c),
        survey:
          answers.filter((a) => a.invitationId === inv.id).map(({ invitationId, ...a }) => a)[0] ?? null,
        speedDatingSeats: ofInvitation(seats, inv.id),
        storyTurns: ofInvitation(turns, inv.id),
        remindersSent: ofInvitation(reminders, inv.id),
      })),
      roomAttendance: inRoom,
      roomNotes: notes.map(withCodes),
      moderationEvents: moderation,
      listeningNotes: heard.map(withCodes),
      insightEvidence: evidence,
      changeMessages: told,
      lastSurveySentAt: cap?.lastSurveySentAt ?? null,
      emails,
      accessLog,
    };
    return { ...data, summary: exportSummary(data) };
  });
}

/** A few plain sentences on top of the JSON: what the file holds, for the person reading it. */
function exportSummary(d: {
  exportedAt: Date;
  customer: { name?: string | null; email?: string | null };
  invitations: {
    session: { title: string; startsAt: Date };
    status: string;
    consents: unknown[];
    survey: unknown;
  }[];
  roomAttendance: unknown[];
  roomNotes: unknown[];
  moderationEvents: unknown[];
  listeningNotes: unknown[];
  insightEvidence: unknown[];
  changeMessages: unknown[];
  emails: unknown[];
  accessLog: unknown[];
}): string[] {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  return [
    `Everything held about ${d.customer.name || "this customer"}${d.customer.email ? ` (${d.customer.email})` : ""}, exported ${d.exportedAt.toISOString()}.`,
    `${n(d.invitations.length, "invitation")}: ${
      d.invitations
        .map((i) => `"${i.session.title}" on ${i.session.startsAt.toISOString().slice(0, 10)} (${i.status})`)
        .join("; ") || "none"
    }.`,
    `${n(
      d.invitations.reduce((s, i) => s + i.consents.length, 0),
      "consent decision",
    )}, ${n(d.invitations.filter((i) => i.survey).length, "survey")}.`,
    `In the room: ${n(d.roomAttendance.length, "visit")}, ${n(d.roomNotes.length, "note")} taken by staff, ${n(d.moderationEvents.length, "moderation event")}.`,
    `Outside sessions: ${n(d.listeningNotes.length, "listening-log note")}; ${n(d.insightEvidence.length, "quote")} used as evidence for insights; ${n(d.changeMessages.length, '"you told us, we changed" message')}.`,
    `${n(d.emails.length, "email")} sent or queued; ${n(d.accessLog.length, "entry", "entries")} in the access log (who read or changed this record, by kind of actor).`,
  ];
}

export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;
