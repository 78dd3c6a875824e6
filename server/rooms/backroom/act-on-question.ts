import "server-only";
import type { QuestionAction } from "@/lib/domain/backroom";
import type { QuestionView } from "@/lib/domain/backroom-views";
import { zQuestionAction } from "@/lib/validation/rooms";
import type { Actor } from "@/server/auth/actor";
import { staffInBackroom } from "./backroom-access";
import { moveQuestion } from "./move-question";
import { publishQuestions } from "./question-views";
import { voteQuestion } from "./vote-question";

/** Up-vote (any attending staff, once each) or the facilitator's approve / asked / dismiss. */
export async function actOnQuestion(
  actor: Actor,
  input: { sessionId: string; questionId: string; action: QuestionAction },
): Promise<QuestionView> {
  const data = zQuestionAction.parse(input);
  const { session, staff } = await staffInBackroom(
    actor,
    data.sessionId,
    data.action === "vote" ? "room.backroom" : "room.moderate",
  );
  if (data.action === "vote") await voteQuestion(staff, session, data.questionId);
  else await moveQuestion(staff, session, data.questionId, data.action);
  const [question] = await publishQuestions(session, [data.questionId]);
  return question!;
}
