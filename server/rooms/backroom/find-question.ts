import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { type RoomQuestion, roomQuestions } from "@/db/schema";
import { notFound } from "@/server/errors";

/** A question of this session, or not found (a question id from another session is not found). */
export async function findQuestion(sessionId: string, questionId: string): Promise<RoomQuestion> {
  const q = await db.query.roomQuestions.findFirst({
    where: and(eq(roomQuestions.id, questionId), eq(roomQuestions.sessionId, sessionId)),
  });
  if (!q) throw notFound("Question not found");
  return q;
}
