import "server-only";
import { db } from "@/db";
import { roomQuestionVotes, type Session } from "@/db/schema";
import { isClosedQuestion } from "@/lib/domain/backroom";
import type { StaffActor } from "@/server/auth/actor";
import { conflict } from "@/server/errors";
import { findQuestion } from "./find-question";

/** One up-vote per attending staff member; voting again changes nothing. */
export async function voteQuestion(staff: StaffActor, session: Session, questionId: string): Promise<void> {
  const q = await findQuestion(session.id, questionId);
  if (isClosedQuestion(q.status)) throw conflict("This question is closed");
  await db.insert(roomQuestionVotes).values({ questionId: q.id, userId: staff.userId }).onConflictDoNothing();
}
