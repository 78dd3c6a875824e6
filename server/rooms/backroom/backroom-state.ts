import "server-only";
import type { NoteView, QuestionView } from "@/lib/domain/backroom-views";
import type { Actor } from "@/server/auth/actor";
import { staffInBackroom } from "./backroom-access";
import { noteViews } from "./note-views";
import { questionViews } from "./question-views";

/** Everything in the backroom, for a page load or a reconnect. */
export async function backroomState(
  actor: Actor,
  sessionId: string,
): Promise<{ questions: QuestionView[]; notes: NoteView[] }> {
  await staffInBackroom(actor, sessionId, "room.backroom");
  return { questions: await questionViews(sessionId), notes: await noteViews(sessionId) };
}
