import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import {
  departments,
  invitations,
  reasonCodes,
  roomNoteReasonCodes,
  roomNotes,
  roomQuestions,
  roomQuestionVotes,
  type Session,
  users,
} from "@/db/schema";
import type { QuestionStatus } from "@/lib/domain/backroom";
import {
  type AddNoteInput,
  zAddNote,
  zMergeQuestions,
  zQuestionAction,
  zSubmitQuestion,
} from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor, StaffActor } from "@/server/auth/actor";
import { can } from "@/server/auth/policy";
import { conflict, forbidden, invalid, notFound } from "@/server/errors";
import { authorizeSession } from "@/server/sessions/session-access";
import { broadcastToSessionStaff } from "./broadcast";

export type QuestionView = {
  id: string;
  text: string;
  status: QuestionStatus;
  mergedIntoId: string | null;
  authorName: string;
  voterIds: string[];
  createdAt: number;
};

export type NoteView = {
  id: string;
  kind: "quote" | "summary";
  text: string;
  atSeconds: number;
  emotion: string;
  contact: string;
  departmentId: string | null;
  customerId: string | null;
  reasonCodeIds: string[];
  authorName: string;
  createdAt: number;
};

export type BackroomUpdate =
  | { type: "question"; questions: QuestionView[] }
  | { type: "note"; note: NoteView };

async function staffIn(
  actor: Actor,
  sessionId: string,
  action: "room.backroom" | "room.moderate",
): Promise<{ session: Session; staff: StaffActor }> {
  const { session } = await authorizeSession(actor, sessionId, action);
  if (actor.kind !== "staff") throw forbidden();
  return { session, staff: actor };
}

async function questionViews(sessionId: string, ids?: string[]): Promise<QuestionView[]> {
  const rows = await db
    .select({ q: roomQuestions, authorName: users.name })
    .from(roomQuestions)
    .innerJoin(users, eq(users.id, roomQuestions.authorId))
    .where(
      ids
        ? and(eq(roomQuestions.sessionId, sessionId), inArray(roomQuestions.id, ids))
        : eq(roomQuestions.sessionId, sessionId),
    )
    .orderBy(asc(roomQuestions.createdAt));
  const votes = rows.length
    ? await db
        .select()
        .from(roomQuestionVotes)
        .where(
          inArray(
            roomQuestionVotes.questionId,
            rows.map((r) => r.q.id),
          ),
        )
    : [];
  return rows.map(({ q, authorName }) => ({
    id: q.id,
    text: q.text,
    status: q.status,
    mergedIntoId: q.mergedIntoId,
    authorName,
    voterIds: votes.filter((v) => v.questionId === q.id).map((v) => v.userId),
    createdAt: q.createdAt.getTime(),
  }));
}

async function noteViews(sessionId: string, ids?: string[]): Promise<NoteView[]> {
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

/** Everything in the backroom, for a page load or a reconnect. */
export async function backroomState(actor: Actor, sessionId: string) {
  await staffIn(actor, sessionId, "room.backroom");
  return { questions: await questionViews(sessionId), notes: await noteViews(sessionId) };
}

/** Written first, broadcast after: a missed message is repaired by the next load. */
async function publish(session: Session, update: BackroomUpdate): Promise<void> {
  await broadcastToSessionStaff(session, update);
}

export async function submitQuestion(actor: Actor, input: { sessionId: string; text: string }) {
  const data = zSubmitQuestion.parse(input);
  const { session, staff } = await staffIn(actor, data.sessionId, "room.backroom");
  const [row] = await db
    .insert(roomQuestions)
    .values({ sessionId: session.id, text: data.text, authorId: staff.userId })
    .returning({ id: roomQuestions.id });
  await db.insert(roomQuestionVotes).values({ questionId: row!.id, userId: staff.userId });
  await audit(db, actor, "question_submit", "session", session.id);
  const questions = await questionViews(session.id, [row!.id]);
  await publish(session, { type: "question", questions });
  return questions[0]!;
}

const NEXT: Record<"approve" | "asked" | "dismiss", { from: QuestionStatus[]; to: QuestionStatus }> = {
  approve: { from: ["submitted"], to: "approved" },
  asked: { from: ["submitted", "approved"], to: "asked" },
  dismiss: { from: ["submitted", "approved"], to: "dismissed" },
};

/** Up-vote (any attending staff, once each) or the facilitator's approve / asked / dismiss. */
export async function actOnQuestion(
  actor: Actor,
  input: { sessionId: string; questionId: string; action: "vote" | "approve" | "asked" | "dismiss" },
) {
  const data = zQuestionAction.parse(input);
  const { session, staff } = await staffIn(
    actor,
    data.sessionId,
    data.action === "vote" ? "room.backroom" : "room.moderate",
  );
  const q = await db.query.roomQuestions.findFirst({
    where: and(eq(roomQuestions.id, data.questionId), eq(roomQuestions.sessionId, session.id)),
  });
  if (!q) throw notFound("Question not found");
  if (data.action === "vote") {
    if (q.status === "merged" || q.status === "dismissed") throw conflict("This question is closed");
    await db
      .insert(roomQuestionVotes)
      .values({ questionId: q.id, userId: staff.userId })
      .onConflictDoNothing();
  } else {
    const step = NEXT[data.action];
    const done = await db
      .update(roomQuestions)
      .set({ status: step.to, updatedAt: new Date() })
      .where(and(eq(roomQuestions.id, q.id), inArray(roomQuestions.status, step.from)))
      .returning({ id: roomQuestions.id });
    if (!done.length) throw conflict(`A ${q.status} question cannot be marked ${step.to}`);
    await audit(db, actor, `question_${data.action}`, "session", session.id);
  }
  const questions = await questionViews(session.id, [q.id]);
  await publish(session, { type: "question", questions });
  return questions[0]!;
}

/** Merges a duplicate into another question: its votes move over and it leaves the queue. */
export async function mergeQuestions(
  actor: Actor,
  input: { sessionId: string; questionId: string; intoId: string },
) {
  const data = zMergeQuestions.parse(input);
  if (data.questionId === data.intoId) throw invalid("Choose a different question to merge into");
  const { session } = await staffIn(actor, data.sessionId, "room.moderate");
  await db.transaction(async (tx) => {
    const both = await tx
      .select()
      .from(roomQuestions)
      .where(
        and(
          eq(roomQuestions.sessionId, session.id),
          inArray(roomQuestions.id, [data.questionId, data.intoId]),
        ),
      );
    if (both.length !== 2) throw notFound("Question not found");
    if (both.some((q) => q.status === "merged" || q.status === "dismissed"))
      throw conflict("Closed questions cannot be merged");
    const voters = await tx
      .select()
      .from(roomQuestionVotes)
      .where(eq(roomQuestionVotes.questionId, data.questionId));
    for (const v of voters)
      await tx
        .insert(roomQuestionVotes)
        .values({ questionId: data.intoId, userId: v.userId })
        .onConflictDoNothing();
    await tx
      .update(roomQuestions)
      .set({ status: "merged", mergedIntoId: data.intoId, updatedAt: new Date() })
      .where(eq(roomQuestions.id, data.questionId));
    await audit(tx, actor, "question_merge", "session", session.id);
  });
  const questions = await questionViews(session.id, [data.questionId, data.intoId]);
  await publish(session, { type: "question", questions });
  return questions;
}

/** A timestamped note; seconds into the session default to now minus the start. */
export async function addNote(actor: Actor, input: AddNoteInput): Promise<NoteView> {
  const data = zAddNote.parse(input);
  const { session, staff } = await staffIn(actor, data.sessionId, "room.backroom");
  const codes = [...new Set(data.reasonCodeIds)];
  if (codes.length) {
    const found = await db
      .select({ id: reasonCodes.id })
      .from(reasonCodes)
      .where(and(inArray(reasonCodes.id, codes), eq(reasonCodes.active, true)));
    if (found.length !== codes.length)
      throw invalid("Unknown reason code", { reasonCodeIds: ["Unknown reason code"] });
  }
  if (
    data.departmentId &&
    !(await db.query.departments.findFirst({ where: eq(departments.id, data.departmentId) }))
  )
    throw invalid("Unknown department", { departmentId: ["Unknown department"] });
  if (data.customerId) {
    const inv = await db.query.invitations.findFirst({
      where: and(eq(invitations.sessionId, session.id), eq(invitations.customerId, data.customerId)),
    });
    if (!inv) throw invalid("That customer is not in this session", { customerId: ["Not in this session"] });
  }
  const atSeconds =
    data.atSeconds ??
    (session.startedAt ? Math.max(0, Math.floor((Date.now() - session.startedAt.getTime()) / 1000)) : 0);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(roomNotes)
      .values({
        sessionId: session.id,
        authorId: staff.userId,
        kind: data.kind,
        text: data.text,
        atSeconds,
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
  await publish(session, { type: "note", note: note! });
  return note!;
}

/** Whether the actor may run the queue (approve, asked, dismiss, merge) — for showing controls. */
export function canModerate(actor: Actor, session: Session, staffIds: string[]): boolean {
  return can(actor, "room.moderate", {
    sessionId: session.id,
    sessionFacilitatorId: session.facilitatorId,
    sessionStaffIds: staffIds,
  });
}
