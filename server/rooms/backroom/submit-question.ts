import "server-only";
import { db } from "@/db";
import { roomQuestions, roomQuestionVotes } from "@/db/schema";
import type { QuestionView } from "@/lib/domain/backroom-views";
import { zSubmitQuestion } from "@/lib/validation/rooms";
import { audit } from "@/server/audit/log";
import type { Actor } from "@/server/auth/actor";
import { staffInBackroom } from "./backroom-access";
import { publishQuestions } from "./question-views";

/** A question for the guests, into the staff-only queue, with its author's vote. */
export async function submitQuestion(
  actor: Actor,
  input: { sessionId: string; text: string },
): Promise<QuestionView> {
  const data = zSubmitQuestion.parse(input);
  const { session, staff } = await staffInBackroom(actor, data.sessionId, "room.backroom");
  // The question and its author's vote exist together or not at all (a question without its
  // author's vote would rank below where everyone sees it).
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(roomQuestions)
      .values({ sessionId: session.id, text: data.text, authorId: staff.userId })
      .returning({ id: roomQuestions.id });
    await tx.insert(roomQuestionVotes).values({ questionId: inserted!.id, userId: staff.userId });
    await audit(tx, actor, "question_submit", "session", session.id);
    return inserted!;
  });
  const [question] = await publishQuestions(session, [row.id]);
  return question!;
}
