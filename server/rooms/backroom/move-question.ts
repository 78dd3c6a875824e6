import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { roomQuestions, type Session } from "@/db/schema";
import type { QuestionStatus } from "@/lib/domain/backroom";
import { audit } from "@/server/audit/log";
import type { StaffActor } from "@/server/auth/actor";
import { conflict } from "@/server/errors";
import { findQuestion } from "./find-question";

export type QuestionMove = "approve" | "asked" | "dismiss";

/** Which statuses each move starts from and where it leads. */
const NEXT: Record<QuestionMove, { from: QuestionStatus[]; to: QuestionStatus }> = {
  approve: { from: ["submitted"], to: "approved" },
  asked: { from: ["submitted", "approved"], to: "asked" },
  dismiss: { from: ["submitted", "approved"], to: "dismissed" },
};

/** The facilitator's approve / asked / dismiss; the status check is in the update, so a race loses cleanly. */
export async function moveQuestion(
  staff: StaffActor,
  session: Session,
  questionId: string,
  move: QuestionMove,
): Promise<void> {
  const q = await findQuestion(session.id, questionId);
  const step = NEXT[move];
  const done = await db
    .update(roomQuestions)
    .set({ status: step.to, updatedAt: new Date() })
    .where(and(eq(roomQuestions.id, q.id), inArray(roomQuestions.status, step.from)))
    .returning({ id: roomQuestions.id });
  if (!done.length) throw conflict(`A ${q.status} question cannot be marked ${step.to}`);
  await audit(db, staff, `question_${move}`, "session", session.id);
}
