// Writes that belong together commit together: a failure of the second write (forced here by a
// trigger in the real database) leaves nothing of the first.
import "../support/test-env";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { roomQuestions } from "@/db/schema";
import { submitQuestion } from "@/server/rooms/backroom/submit-question";
import { roomSession } from "../support/room-fixtures";
import { seededDb } from "../support/seeded-db";

let staff: Awaited<ReturnType<typeof seededDb>>;
beforeAll(async () => {
  staff = await seededDb();
});
afterEach(async () => {
  await db.run(sql`DROP TRIGGER IF EXISTS fail_votes`);
});

describe("a backroom question and its author's vote", () => {
  it("are written in one transaction: a failed vote leaves no question behind", async () => {
    const { sessionId } = await roomSession(staff.facilitator);
    await db.run(
      sql`CREATE TRIGGER fail_votes BEFORE INSERT ON room_question_votes BEGIN SELECT RAISE(ABORT, 'vote refused'); END`,
    );
    await expect(
      submitQuestion(staff.facilitator, { sessionId, text: "Lost without its vote?" }),
    ).rejects.toThrow();
    expect(await db.select().from(roomQuestions).where(eq(roomQuestions.sessionId, sessionId))).toEqual([]);
  });
});
