import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { roomQuestions, roomQuestionVotes } from "@/db/schema";
import { isClosedQuestion } from "@/lib/domain/backroom";
import type { QuestionView } from "@/lib/domain/backroom-views";
import { zMergeQuestions } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { conflict, invalid, notFound } from "@/server/errors";
import { staffInBackroom } from "./backroom-access";
import { publishQuestions } from "./question-views";

/** Merges a duplicate into another question: its votes move over and it leaves the queue. */
export async function mergeQuestions(
  actor: Actor,
  input: { sessionId: string; questionId: string; intoId: string },
): Promise<QuestionView[]> {
  const data = zMergeQuestions.parse(input);
  if (data.questionId === data.intoId) throw invalid("Choose a different question to merge into");
  const { session } = await staffInBackroom(actor, data.sessionId, "room.moderate");
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
    if (both.some((q) => isClosedQuestion(q.status))) throw conflict("Closed questions cannot be merged");
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
  return publishQuestions(session, [data.questionId, data.intoId]);
}
