import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { outbox } from "@/db/schema";
import "@/server/jobs/handlers";
import { setDigestSubscription } from "@/server/analytics/digest/subscription";
import { runDueJobs } from "@/server/jobs/run-due-jobs";
import { createScheduler } from "@/server/jobs/scheduler";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;
beforeAll(async () => {
  staff = await seededDb();
});

describe("weekly digest", () => {
  it("reaches each executive and head who opted in once a week, whichever of two workers runs it", async () => {
    await setDigestSubscription(staff.executive, { subscribe: "yes" });
    await setDigestSubscription(staff.owner, { subscribe: "yes" });
    await expect(setDigestSubscription(staff.agent, { subscribe: "yes" })).rejects.toThrow();
    // Monday 07:00 UTC of this week: the slot both workers' schedulers see.
    const now = new Date();
    const monday = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7), 7, 1),
    );
    const a = createScheduler({ db });
    const b = createScheduler({ db });
    const queued = [...(await a.tick(monday)), ...(await b.tick(monday))].filter((k) =>
      k.includes("weekly-digest"),
    );
    expect(queued).toHaveLength(1);
    await Promise.all([
      runDueJobs({ db, workerId: "worker-a", now: monday }),
      runDueJobs({ db, workerId: "worker-b", now: monday }),
    ]);
    const mails = await db.select().from(outbox).where(eq(outbox.kind, "weekly_digest"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(
      ["executive@northwind.example", "owner@northwind.example"].sort(),
    );
    const body = mails[0]?.text ?? "";
    expect(body).toMatch(/CSAT/);
    expect(body).toMatch(/Emerging: #9|No reason code is rising/);
    expect(body).toMatch(/overdue/i);
    // The same week again (a retry, a restarted worker): nothing more.
    const { sendWeeklyDigests } = await import("@/server/analytics/digest/send-weekly-digests");
    expect(await sendWeeklyDigests(db, monday)).toEqual({ sent: 0 });
    // Opting out stops next week's.
    await setDigestSubscription(staff.owner, { subscribe: "no" });
    expect(await sendWeeklyDigests(db, new Date(monday.getTime() + 7 * 86_400_000))).toEqual({ sent: 1 });
  });
});
