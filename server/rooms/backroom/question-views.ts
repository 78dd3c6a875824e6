import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { roomQuestions, roomQuestionVotes, type Session, users } from "@/db/schema";
import type { QuestionView } from "@/lib/domain/backroom-views";
import { broadcastToSessionStaff } from "../broadcast";

/** A session's questions (or the listed ones) with author and voters, oldest first. */
export async function questionViews(sessionId: string, ids?: string[]): Promise<QuestionView[]> {
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

/** The listed questions as saved, sent to the staff in the room: written first, broadcast after. */
export async function publishQuestions(session: Session, ids: string[]): Promise<QuestionView[]> {
  const questions = await questionViews(session.id, ids);
  await broadcastToSessionStaff(session, { topic: "backroom", type: "question", questions });
  return questions;
}
