// The codebook: numbered codes worded in three languages, proposals approved by admins, a history
// of every change, and the warning once more than about twenty codes are active.
import "../support/test-env";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { reasonCodes } from "@/db/schema";
import { ACTIVE_CODES_WARN_ABOVE } from "@/lib/domain/reason-codes";
import { listActiveCodes } from "@/server/reason-codes/list-active-codes";
import { listCodebook } from "@/server/reason-codes/list-codebook";
import { proposeReasonCode, saveReasonCode } from "@/server/reason-codes/save-reason-code";
import { setReasonCodeState } from "@/server/reason-codes/set-reason-code-state";
import { seededDb } from "../support/seeded-db";

type Staff = Awaited<ReturnType<typeof seededDb>>;
let staff: Staff;

beforeAll(async () => {
  staff = await seededDb();
});

const freeNumber = async () => {
  const rows = await db.select({ n: reasonCodes.number }).from(reasonCodes);
  return Math.max(0, ...rows.map((r) => r.n)) + 1;
};

describe("codebook", () => {
  it("warns only once more than about twenty codes are active", async () => {
    const start = await listCodebook(staff.agent);
    expect(start.activeCount).toBeLessThanOrEqual(ACTIVE_CODES_WARN_ABOVE);
    expect(start.tooMany).toBe(false);
    const added: string[] = [];
    for (let active = start.activeCount; active < ACTIVE_CODES_WARN_ABOVE; active++) {
      const { id } = await saveReasonCode(staff.admin, {
        number: await freeNumber(),
        label: `Filler reason ${active}`,
      });
      added.push(id);
    }
    const atTwenty = await listCodebook(staff.agent);
    expect([atTwenty.activeCount, atTwenty.tooMany]).toEqual([ACTIVE_CODES_WARN_ABOVE, false]);

    const { id: extra } = await saveReasonCode(staff.admin, {
      number: await freeNumber(),
      label: "One too many",
    });
    const over = await listCodebook(staff.agent);
    expect([over.activeCount, over.tooMany]).toEqual([ACTIVE_CODES_WARN_ABOVE + 1, true]);

    // Retiring one brings it back under; the retired code is no longer offered where codes are picked.
    expect(await setReasonCodeState(staff.admin, { id: extra, to: "retired" })).toEqual({
      activeCount: ACTIVE_CODES_WARN_ABOVE,
    });
    expect((await listCodebook(staff.agent)).tooMany).toBe(false);
    expect((await listActiveCodes(staff.agent)).some((c) => c.id === extra)).toBe(false);
    for (const id of added) await setReasonCodeState(staff.admin, { id, to: "retired" });
  });

  it("facilitators propose, admins approve, renumber and word; every change is in the history", async () => {
    const number = await freeNumber();
    const { id } = await proposeReasonCode(staff.facilitator, {
      number,
      label: "Nobody called me back",
      definition: "A promised call-back did not happen.",
      example: "They said they'd ring within a day.\nStill waiting a week later.",
    });
    expect((await listActiveCodes(staff.agent)).some((c) => c.id === id)).toBe(false);
    await expect(setReasonCodeState(staff.facilitator, { id, to: "active" })).rejects.toMatchObject({
      code: "forbidden",
    });
    await setReasonCodeState(staff.admin, { id, to: "active" });
    // A taken number is refused with the code that holds it.
    await expect(
      saveReasonCode(staff.admin, { id, number: 1, label: "Nobody called me back" }),
    ).rejects.toMatchObject({ code: "invalid", fieldErrors: { number: [expect.stringContaining("1 is")] } });
    await saveReasonCode(staff.admin, {
      id,
      number: number + 50,
      label: "Nobody called me back",
      labelZh: "没有人给我回电话",
      labelVi: "Không ai gọi lại cho tôi",
      definition: "A promised call-back did not happen.",
      example: "They said they'd ring within a day.\nStill waiting a week later.",
    });
    const code = (await listActiveCodes(staff.agent)).find((c) => c.id === id);
    expect(code).toMatchObject({
      number: number + 50,
      labelZh: "没有人给我回电话",
      examples: ["They said they'd ring within a day.", "Still waiting a week later."],
    });
    const history = (await listCodebook(staff.admin)).codes.find((c) => c.id === id)?.history ?? [];
    expect(history.map((h) => h.change).reverse()).toEqual([
      "proposed",
      "approved",
      `renumbered ${number} → ${number + 50}`,
    ]);
    expect(await db.$count(reasonCodes, eq(reasonCodes.number, number))).toBe(0);
  });
});
